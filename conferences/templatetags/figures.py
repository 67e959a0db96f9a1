from django import template

from conferences import presentation

register = template.Library()


@register.filter
def figure_value(report):
    """``{{ report|figure_value }}``: "hơn 2.442 nghìn tỷ đồng" / "more than 2,442 trillion VND"."""
    return presentation.figure_value(report)


@register.filter
def signed_percent(value):
    """``{{ report.growth_pct|signed_percent }}``: "+12,3%" / "+12.3%"."""
    return presentation.signed_percent(value)


@register.filter
def plan_share(value):
    """``{{ report.plan_share_pct|plan_share }}``: "đạt 74% kế hoạch năm" / "74% of the annual plan"."""
    return presentation.plan_share(value)


@register.filter
def percent(value):
    """``{{ report.share_pct|percent }}``: "13,3%" / "13.3%"."""
    return presentation.percent(value)
