vcl 4.1;
# Trust Hub's caching proxy (Varnish 7.1, Debian 12's package), in front of the gunicorn app
# servers. deploy/stack.py fills in the backends at start-up (their ports are chosen then), in
# place of the BACKENDS and DIRECTOR markers below.
#
# What is cached: GET/HEAD responses the app marks public (trusthub/middleware.py sets
# `Cache-Control: public, max-age=…, s-maxage=…`), for s-maxage seconds. Never cached: a request
# with Django's session cookie (editors, previews, unlocked private pages), /admin/ and
# /django-admin/, anything but GET/HEAD (forms), and any response that is private, no-store,
# no-cache or sets a cookie.
#
# Purging: PURGE <path> (from this machine only: Wagtail's frontend-cache HTTPBackend, see
# subprocessors/cache.py) bans every cached object whose path is <path>, whatever its query
# string, so purging /subprocessors/ also drops /subprocessors/?product=juniper-mis. Each object
# carries its path (x-path) for that; the header never leaves the proxy.

import directors;
import std;

# Each app server is probed on /health/ (database and shared cache reachable); a failing one is
# left out of the rotation until it answers again. Healthy from the start (initial = threshold).
probe health {
    .url = "/health/";
    .interval = 2s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
    .initial = 3;
}

# @BACKENDS@

# PURGE is accepted from this machine only. Behind a TLS terminator on the same machine, every
# visitor would come from 127.0.0.1: then refuse PURGE there, or pass the visitor's address with
# the PROXY protocol (-a …,PROXY), which client.ip and X-Client-IP below then use.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new app = directors.round_robin();
    # @DIRECTOR@
}

sub vcl_recv {
    set req.backend_hint = app.backend();
    # The rate limits count per visitor (django-ratelimit reads this header when
    # RATELIMIT_IP_META_KEY=HTTP_X_CLIENT_IP): set here, never taken from the client.
    set req.http.X-Client-IP = client.ip;

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from " + client.ip));
        }
        if (std.ban("obj.http.x-path == " + regsub(req.url, "\?.*$", ""))) {
            return (synth(200, "Purged"));
        }
        return (synth(400, std.ban_error()));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(django-)?admin(/|$)") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Django's session cookie (SESSION_COOKIE_NAME, "sessionid"): a signed-in editor or a visitor
    # with a session sees responses meant for them alone.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Any other cookie (csrftoken, analytics) changes nothing the app sends to a cacheable
    # request: drop it, so it neither bypasses the cache nor reaches the app.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    # Pages print absolute URLs (feed addresses) with the request's scheme.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || !beresp.http.Cache-Control) {
        # Remember for a while that this URL is not cacheable (requests go straight to the app,
        # not queued behind one another), without keeping the response.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Otherwise Varnish's built-in rules apply: the TTL is s-maxage (else max-age).
}

sub vcl_deliver {
    unset resp.http.x-path;
    # Which software and versions serve the site is nobody's business (and bytes on every hit).
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    unset resp.http.Server;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
