from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark's synthetic data and its command, ``generate_synthetic``."""

    name = "bench"
