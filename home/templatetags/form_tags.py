"""Render form fields with NL Design System classes, labels, hints and errors wired for screen readers."""

from django import forms, template

register = template.Library()

WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    # CheckboxSelectMultiple is a RadioSelect subclass, so it must come first.
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.ClearableFileInput: "portal-file-input",
    forms.FileInput: "portal-file-input",
}

# Phone numbers, e-mail and web addresses and numbers read left to right in Arabic too: with the
# page's direction "030 123 45 67" would show its groups from right to left. (Other text fields
# take the direction of what is typed: portal.css.)
LEFT_TO_RIGHT_INPUTS = {"tel", "email", "url", "number"}


def widget_class(widget):
    for widget_type, css in WIDGET_CLASSES.items():
        if isinstance(widget, widget_type):
            return css
    return "utrecht-textbox utrecht-textbox--html-input"


@register.inclusion_tag("home/includes/form_field.html")
def form_field(field, extra_class=""):
    widget = field.field.widget
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_hint")
    if field.errors:
        described_by.append(f"{field.auto_id}_errors")
    css = widget_class(widget)
    if field.errors and not isinstance(widget, (forms.RadioSelect, forms.CheckboxInput)):
        css += " utrecht-textbox--invalid utrecht-textarea--invalid utrecht-select--invalid"
    attrs = {"class": f"{css} {extra_class}".strip()}
    if getattr(widget, "input_type", None) in LEFT_TO_RIGHT_INPUTS:
        attrs["dir"] = "ltr"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
        # A group: the fieldset carries the hint and errors, each option its own label.
        widget.attrs["class"] = css
        return {
            "field": field,
            "options": list(field),
            "is_group": True,
            "option_kind": "checkbox"
            if isinstance(widget, forms.CheckboxSelectMultiple)
            else "radio",
        }
    return {
        "field": field,
        "widget_html": field.as_widget(attrs=attrs),
        "is_checkbox": isinstance(widget, forms.CheckboxInput),
    }
