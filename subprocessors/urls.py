from django.urls import path

from . import exports, feeds, views

app_name = "subprocessors"

urlpatterns = [
    path("", views.register, name="register"),
    path("register.csv", exports.register_csv, name="register_csv"),
    path("register.json", exports.register_json, name="register_json"),
    path("changes/", views.notice_list, name="changes"),
    path("changes/<int:pk>/", views.notice_detail, name="notice"),
    path("changes/feed.rss", feeds.rss_feed, name="feed_rss"),
    path("changes/feed.atom", feeds.atom_feed, name="feed_atom"),
    path("changes/feed.json", feeds.json_feed, name="feed_json"),
]
