"""Admin sign-in security: the wrong-password lockout (django-axes, `lockout`) and two-step
verification with an authenticator app and recovery codes (django-otp: `policy`, `devices`,
`middleware`, `views`). README, "Admin sign-in security"."""
