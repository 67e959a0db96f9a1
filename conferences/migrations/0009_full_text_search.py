from django.db import migrations

from listings.search_index import full_text_index


class Migration(migrations.Migration):
    dependencies = [("conferences", "0008_membership_statements")]

    operations = [
        full_text_index(
            "conferences.Source",
            "conferences.Conference",
            "conferences.ConferenceOfficial",
            "conferences.Indicator",
            "conferences.IndicatorReport",
        )
    ]
