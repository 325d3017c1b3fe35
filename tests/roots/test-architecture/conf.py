extensions = ["triglot.sphinxext"]
project = "architecture"
