"""Staff figures ("Inzicht") of programmes, as home.insight Figures: one module per report.

- programme_report: the programmes on offer per category, their views and "apply" clicks;
- matching_report: mentor requests from request to completed match, ratings and the
  founders' self-assessment.

The two count different things and share only the framework (home.insight), so each has its
own module; this package imports both, so `programmes.insight` still names every report's
figures and headlines (programmes/wagtail_hooks.py registers them).
"""

from programmes.insight.matching_report import matching_figures, matching_headlines
from programmes.insight.programme_report import programme_figures, programme_headlines

__all__ = [
    "matching_figures",
    "matching_headlines",
    "programme_figures",
    "programme_headlines",
]
