"""A name → thing table that apps fill with a decorator, so that a lower layer can use what the
apps above it provide without importing them (see docs/architecture.md, "Registries")."""


class Registry(dict):
    def add(self, name):
        """A decorator that registers what it decorates under `name`, and returns it as is."""

        def register(thing):
            self[name] = thing
            return thing

        return register
