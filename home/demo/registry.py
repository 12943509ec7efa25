"""The steps that fill the portal, each app adding its own, so that the commands in home name
none of them:

- `demo_step`: demo content, in each app's demo/ package (imported by its __init__.py); run in
  order by `load_demo_data` (home first, as later apps build on its site and pages);
- `bench_step`: synthetic data for benchmarks and load tests, in each app's demo/bench.py; run
  in order by `seed_bench`, each step given the command's options and a progress bar maker.
"""


class Steps:
    def __init__(self):
        self._steps = []

    def register(self, order):
        def register(function):
            name = function.__module__.split(".")[0]
            if not any(existing is function for _order, _name, existing in self._steps):
                self._steps.append((order, name, function))
            return function

        return register

    def __call__(self):
        """(app name, function) in order."""
        ordered = sorted(self._steps, key=lambda step: (step[0], step[1]))
        return [(name, function) for _order, name, function in ordered]


_demo = Steps()
_bench = Steps()
demo_step = _demo.register
bench_step = _bench.register
steps = _demo
bench_steps = _bench
