from django.db import migrations

from listings.search import postgres_trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("regions", "0002_search_columns")]

    operations = [postgres_trigram_indexes("regions_region", "regions_province")]
