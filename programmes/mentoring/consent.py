"""What a founder agrees to when they ask for a mentor (home.privacy.ConsentText)."""

from django.utils.translation import gettext_lazy as _

from home.privacy import ConsentText

REQUEST = ConsentText(
    "mentor_request",
    _(
        "Ik geef toestemming om mijn aanvraag (mijn voornaam, mijn bedrijf en wat ik hierboven schrijf) te "
        "delen met de mentor die de gemeente voorstelt. Mijn e-mailadres krijgt de mentor pas als hij of zij "
        "ja zegt."
    ),
)
