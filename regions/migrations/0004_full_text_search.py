from django.db import migrations

from listings.search_index import full_text_index


class Migration(migrations.Migration):
    dependencies = [("regions", "0003_search_trigram_indexes")]

    operations = [full_text_index("regions.Region", "regions.Province")]
