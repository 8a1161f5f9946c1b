from django.urls import path

from . import exports, feeds, objections, subscriptions, views

app_name = "subprocessors"

urlpatterns = [
    path("", views.register, name="register"),
    path("register.csv", exports.register_csv, name="register_csv"),
    path("register.json", exports.register_json, name="register_json"),
    path("compare/", views.compare_dates, name="compare"),
    path("changes/", views.notice_list, name="changes"),
    path("changes/<int:pk>/", views.notice_detail, name="notice"),
    path("changes/<int:pk>/object/", objections.object_to_notice, name="object"),
    path(
        "changes/<int:pk>/object/received/<str:reference>/",
        objections.objection_received,
        name="objection_received",
    ),
    path("changes/feed.rss", feeds.rss_feed, name="feed_rss"),
    path("changes/feed.atom", feeds.atom_feed, name="feed_atom"),
    path("changes/feed.json", feeds.json_feed, name="feed_json"),
    path("alerts/subscribe/", subscriptions.subscribe, name="alerts_subscribe"),
    path("alerts/confirm/<str:key>/", subscriptions.confirm, name="alerts_confirm"),
    path("alerts/manage/<str:token>/", subscriptions.manage, name="alerts_manage"),
    path("alerts/unsubscribe/<str:token>/", subscriptions.unsubscribe, name="alerts_unsubscribe"),
]
