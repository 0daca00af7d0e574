"""Running several replicas behind HAProxy (``make serve``)."""
