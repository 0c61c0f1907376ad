"""Pure calculation rules: figures in force (a ParameterBook) + inputs → a Result with lines and citations."""
