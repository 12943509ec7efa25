def clamped_page(paginator, value):
    """The requested page, with anything out of range or not a number moved to the nearest page.

    Django's Paginator.get_page sends page 0 and negative numbers to the last page; a visitor
    who edits the URL expects the first.
    """
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 1
    return paginator.page(min(max(number, 1), paginator.num_pages))
