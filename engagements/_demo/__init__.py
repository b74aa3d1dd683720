"""The demo workspace generator: shared writers, simulation helpers, a few modules per client."""
