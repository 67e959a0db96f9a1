from django.db import migrations

from listings.search import postgres_trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("conferences", "0002_search_columns")]

    operations = [
        postgres_trigram_indexes(
            "conferences_source",
            "conferences_conference",
            "conferences_conferenceofficial",
            "conferences_indicator",
            "conferences_indicatorreport",
        )
    ]
