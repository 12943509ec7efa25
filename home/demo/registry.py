"""Each app adds its demo data as a step in its own demo_data.py; load_demo_data runs them in
order (the home app first, as later apps build on its site and pages)."""

_steps = []


def demo_step(order):
    def register(function):
        name = function.__module__.split(".")[0]
        if not any(existing is function for _order, _name, existing in _steps):
            _steps.append((order, name, function))
        return function

    return register


def steps():
    """(app name, function) in order."""
    return [
        (name, function) for _order, name, function in sorted(_steps, key=lambda s: (s[0], s[1]))
    ]
