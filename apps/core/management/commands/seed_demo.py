from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apps.core.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, seed


class Command(BaseCommand):
    help = "Create (or refresh) the demo account and fill it with realistic data."

    def add_arguments(self, parser):
        parser.add_argument(
            "--size",
            choices=sorted(DEMO_ACCOUNTS),
            default="small",
            help="small: a believable job search; large: a big data set for benchmarks.",
        )
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Run even with DEBUG off. The demo password is public: never on a real site.",
        )

    def handle(self, *args, size: str, allow_without_debug: bool, **options):
        if not settings.DEBUG and not allow_without_debug:
            raise CommandError(
                "seed_demo creates an account with a publicly known password, so it only "
                "runs with DEBUG on. Pass --allow-without-debug if you really mean it."
            )
        with transaction.atomic():
            user = seed(size)
        self.stdout.write(
            self.style.SUCCESS(f"Demo account ready: {user.email} / password {DEMO_PASSWORD}")
        )
