"""Organisation settings move from the home app to core, keeping their table
(`home_organisationsettings`) and every row: a state-only operation. See home 0003.
"""

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("home", "0002_organisationsettings_internal_note"),
    ]

    operations = [
        # The table already exists (created by the home app, which held this model until
        # now): only Django's idea of which app owns it changes. No data moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='OrganisationSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('organisation_name', models.CharField(default='Juniper Education', help_text='The name schools know us by, shown in the header, footer and page titles.', max_length=200)),
                        ('legal_name', models.CharField(blank=True, help_text="Registered company name, e.g. 'Juniper Education Services Ltd'.", max_length=255)),
                        ('website', models.URLField(blank=True, help_text='Our main website, linked from the footer.')),
                        ('dpo_name', models.CharField(default='Data Protection Officer', help_text="Who schools write to about data protection, e.g. 'Group Data Protection Officer'.", max_length=200, verbose_name='DPO name or title')),
                        ('dpo_email', models.EmailField(default='dpo@example.org', help_text='Where schools send questions, rights requests and objections.', max_length=254, verbose_name='DPO email')),
                        ('dpo_postal_address', models.TextField(blank=True, help_text='One line per row. Shown wherever we tell schools how to contact the DPO.', verbose_name='DPO postal address')),
                        ('ico_registration_number', models.CharField(blank=True, help_text="Our entry in the ICO register of fee payers, e.g. 'ZA123456'.", max_length=20, verbose_name='ICO registration number')),
                        ('security_contact_email', models.EmailField(blank=True, help_text='Where to report a security vulnerability (published in /.well-known/security.txt). Falls back to the DPO email when empty.', max_length=254)),
                        ('notice_period_days', models.PositiveSmallIntegerField(default=30, help_text="How many days' notice schools get before a sub-processor change takes effect.", validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(365)], verbose_name='notice period (days)')),
                        ('internal_note', models.TextField(blank=True, help_text='For editors and the DPO only, e.g. which details are illustrative and must be replaced before going live. Never shown on the public site.', verbose_name='Internal note (never shown publicly)')),
                    ],
                    options={
                        'verbose_name': 'organisation settings',
                        'db_table': 'home_organisationsettings',
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
