"""What an entrepreneur agrees to: to show their business on the portal, and that they may
claim a listed business (home.privacy.ConsentText)."""

from django.utils.translation import gettext_lazy as _

from home.privacy import ConsentText

PROFILE = ConsentText(
    "business_profile",
    _(
        "Ik geef toestemming om de gegevens van mijn bedrijf op dit portaal te tonen en, zonder "
        "telefoonnummer, e-mailadres, KvK-nummer, verhaal en foto's, als open data te delen. Mijn "
        "naam en e-mailadres gebruikt de gemeente alleen om contact met mij op te nemen over mijn "
        "profiel. Ik kan mijn gegevens altijd downloaden of laten verwijderen."
    ),
)
CLAIM = ConsentText(
    "business_claim",
    _(
        "Ik verklaar dat ik eigenaar ben van dit bedrijf of het mag vertegenwoordigen. De gemeente "
        "mag mijn gegevens gebruiken om dit te controleren."
    ),
)
