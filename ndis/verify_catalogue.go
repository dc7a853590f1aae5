package ndis

import "github.com/ndislint/ndislint/rules"

// catalogue returns the embedded rule catalogue.
func catalogue() (*rules.Catalogue, error) { return rules.Default() }
