from django.core.management.base import BaseCommand

from programmes.demo.matching import rank_10000, simulate

TARGET_MS = 50


class Command(BaseCommand):
    help = "Meet de snelheid van het koppelen van mentoren en simuleer de verdeling van het werk."

    def handle(self, *args, **options):
        result = rank_10000()
        verdict = "OK" if result["median_ms"] <= TARGET_MS else "TE TRAAG"
        self.stdout.write(
            "matching: 10.000 mentoren rangschikken: mediaan {median_ms:.1f} ms, p95 {p95_ms:.1f} ms; "
            "basislijn (10.000 sorteren) {baseline_ms:.2f} ms; verhouding {ratio:.1f}x".format(
                **result
            )
            + f" — doel hoogstens {TARGET_MS} ms: {verdict}"
        )
        sim = simulate()
        self.stdout.write(
            "matching: simulatie 500 aanvragen over 60 mentoren: {matched} gekoppeld, {unmatched} zonder mentor; "
            "hoogste belasting {max_load}, gemiddelde piekbelasting {mean_peak_load:.2f}, "
            "gemiddeld {mean_matches_per_mentor:.1f} koppelingen per mentor; boven capaciteit: {mentors_over_capacity}".format(
                **sim
            )
        )
        if verdict != "OK" or sim["mentors_over_capacity"]:
            raise SystemExit(1)
