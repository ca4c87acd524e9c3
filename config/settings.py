"""Rebound's one settings file.

Every deploy-time value comes from an environment variable. The defaults are safe for a
laptop; turning DEBUG off switches on every production safeguard. README.md lists each
variable.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_bool(name: str, default: bool) -> bool:
    """On or off from the environment. A word that is neither (a typo such as "ture") stops
    Rebound from starting, rather than silently meaning off."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in TRUE_WORDS | FALSE_WORDS:
        return value in TRUE_WORDS
    raise ImproperlyConfigured(
        f"{name}={os.environ[name]!r} is neither on nor off. Use one of: "
        + ", ".join(sorted(TRUE_WORDS | FALSE_WORDS))
    )


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# A fixed key is fine for a laptop (DEBUG on); with DEBUG off there is no default: a public
# key would let anyone forge sessions.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random value, for example the output of: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "django-insecure-local-only-rebound-key"

# Django's admin is off unless turned on; when on, staff log in through allauth.
ADMIN_ENABLED = env_bool("ADMIN_ENABLED", False)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "apps.core",
    "apps.accounts",
    "apps.interviews",
    "apps.journal",
    "apps.strengths",
    "apps.feedback",
    "apps.rejections",
    "apps.calendar_feed",
    "apps.reminders",
    "apps.home",
    "apps.capture",  # reads pasted messages into the forms of the apps above
    "apps.insights",
    "apps.yourdata",  # export, import, delete: reads every app above, none reads it
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are gzipped when the browser accepts it (a 14 KB page becomes about 3 KB), at a
    # slightly lighter level than Django's (apps/core/middleware.py). Below WhiteNoise,
    # which sends static files already compressed; above everything that writes the body
    # (htmx_messages appends to it). BREACH: an attacker who can both put text into a page
    # and watch its compressed size could guess a secret in it. Django's CSRF token is
    # masked afresh for every page built (a page served again from memory is the same
    # text, so it tells nothing new); and every response gets up to 100 random bytes
    # ("Heal The Breach"), so sizes no longer tell. README.md ("Deploying") says more.
    "apps.core.middleware.GZipPages",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "apps.accounts.middleware.user_time_zone",
    "apps.accounts.middleware.idle_sessions_expire",
    "apps.core.middleware.private_pages",
    "apps.core.middleware.htmx_messages",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            "builtins": ["django_htmx.templatetags.django_htmx"],
        },
    },
]
# Forms render through templates/forms/, so every form in the app looks the same.
FORM_RENDERER = "apps.core.forms.FormRenderer"

# --- Database -------------------------------------------------------------------------
# SQLite under var/ with no setup; PostgreSQL (pooled, health-checked) from DATABASE_URL.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    default_db = dj_database_url.parse(DATABASE_URL, conn_health_checks=True)
    if default_db["ENGINE"] == "django.db.backends.postgresql":
        default_db.setdefault("OPTIONS", {})["pool"] = {
            "min_size": int(os.environ.get("DATABASE_POOL_MIN_SIZE", "1")),
            "max_size": int(os.environ.get("DATABASE_POOL_MAX_SIZE", "10")),
            "timeout": 10,
        }
        default_db["CONN_MAX_AGE"] = 0  # the pool keeps the connections
else:
    (BASE_DIR / "var").mkdir(exist_ok=True)
    default_db = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": BASE_DIR / "var" / "rebound.sqlite3",
        "OPTIONS": {"transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"},
        # A file, not memory, so the browser tests' server threads each get a connection
        # of their own, as they would in production.
        "TEST": {"NAME": BASE_DIR / "var" / "test.sqlite3"},
    }
DATABASES = {"default": default_db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "default" is shared by every app process, so allauth's rate limits hold across workers.
# "pages" is each process's own memory: the main pages remembered per person until their
# data changes, at most PAGE_CACHE_SECONDS (0 turns it off). apps/core/pagecache.py says how
# it stays right across processes and servers.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "rebound_cache",
    },
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "rebound-pages",
        "TIMEOUT": PAGE_CACHE_SECONDS,
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}

# --- Accounts -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "apps.accounts.backends.PersonBackend",  # Django's ModelBackend, read with plain SQL
    # Sessions begun before PersonBackend name Django's own, which still reads them.
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
SESSION_ENGINE = "apps.accounts.sessions"  # Django's database sessions, read with plain SQL
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home:index"
LOGOUT_REDIRECT_URL = "core:landing"

ACCOUNT_ADAPTER = "apps.accounts.adapters.AccountAdapter"  # our words for its errors
MFA_ADAPTER = "apps.accounts.adapters.MFAAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "apps.accounts.forms.SignupDetailsForm"  # adds the time zone
ACCOUNT_FORMS = {  # allauth's forms with our labels (apps/accounts/allauth_forms.py)
    "login": "apps.accounts.allauth_forms.LoginForm",
    "signup": "apps.accounts.allauth_forms.SignupForm",
    "reset_password": "apps.accounts.allauth_forms.ResetPasswordForm",
    "reset_password_from_key": "apps.accounts.allauth_forms.ResetPasswordKeyForm",
    "change_password": "apps.accounts.allauth_forms.ChangePasswordForm",
    "set_password": "apps.accounts.allauth_forms.SetPasswordForm",
    "add_email": "apps.accounts.allauth_forms.AddEmailForm",
    "reauthenticate": "apps.accounts.allauth_forms.ReauthenticateForm",
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
# "optional" lets people in straight away; "mandatory" makes them confirm their address first.
# In production, confirming the address comes first: then sign-up answers the same whether
# or not the address has an account (having one here says someone is job hunting). With
# DEBUG on (make run), people go straight in.
ACCOUNT_EMAIL_VERIFICATION = os.environ.get(
    "ACCOUNT_EMAIL_VERIFICATION", "optional" if DEBUG else "mandatory"
)
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# A change to how someone logs in (password, addresses, two-factor) is emailed to them, so a
# change they didn't make doesn't go unnoticed.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Rebound] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# allauth's default limits stay on: five failed log-ins per account in five minutes, and more.
ACCOUNT_RATE_LIMITS = {}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_FORMS = {  # the code box without a placeholder repeating its label
    "authenticate": "apps.accounts.allauth_forms.AuthenticateForm",
    "reauthenticate": "apps.accounts.allauth_forms.MFAReauthenticateForm",
    "activate_totp": "apps.accounts.allauth_forms.ActivateTOTPForm",
}
MFA_TOTP_ISSUER = "Rebound"
# Sessions are recorded at log-in; tracking every request would cost a write per page.
USERSESSIONS_TRACK_ACTIVITY = False

# --- Email ----------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Rebound <rebound@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The console by default (nothing leaves the machine); SMTP once EMAIL_HOST is set.
if email_host := os.environ.get("EMAIL_HOST", ""):
    default_mailer = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": email_host,
            "port": int(os.environ.get("EMAIL_PORT", "587")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
            "timeout": 10,
        },
    }
else:
    default_mailer = {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
MAILERS = {"default": default_mailer}

# --- Background tasks -----------------------------------------------------------------
# Django's tasks framework, queued in the database; `manage.py db_worker` runs them (make run
# starts one). Another django-tasks backend (Celery, RQ) is a change of this setting only.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Where people reach Rebound, for links in emails that the worker sends (it has no request
# to read the host from). A deploy check warns when it is not https.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"  # each request switches to the person's own zone (accounts.middleware)
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed, and our own CSS and JavaScript minified (apps/core/storage.py).
    "staticfiles": {"BACKEND": "apps.core.storage.MinifiedStaticFilesStorage"},
}

# --- Security -------------------------------------------------------------------------
# No inline script or style anywhere: scripts come from our own origin with the nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],  # allauth shows the TOTP QR code as a data: image
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "worker-src": [CSP.SELF],  # the service worker, /service-worker.js
    "manifest-src": [CSP.SELF],  # /manifest.webmanifest
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
if CSP_REPORT_URI := os.environ.get("CSP_REPORT_URI", ""):
    SECURE_CSP["report-uri"] = [CSP_REPORT_URI]

X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# A session ends after this long without a visit (a phone left on a café table); each
# visit moves the end on, with at most one write every few minutes (accounts.middleware).
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", str(7 * 24 * 60)))
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
CSRF_COOKIE_HTTPONLY = True  # htmx sends the token from the page, never from the cookie
CSRF_FAILURE_VIEW = "apps.core.views.csrf_failure"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind a proxy every request comes from the proxy's address, so the per-address log-in
# limits would lock everyone out together. Say how many proxies you run (their
# X-Forwarded-For entries are trusted), or which header your proxy puts the client in.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None

# --- Logging --------------------------------------------------------------------------
# Requests are logged by path and status only; nothing a person writes reaches the logs.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Django's own console handler prints only with DEBUG on, and its messages reach the
    # root's as well: without this, `make run` shows each request warning and task twice.
    "loggers": {"django": {"handlers": []}},
}
