package rules

// catalogue.json is generated from ../shared/ddi and overlay.json; see
// rules/internal/gen.
//go:generate go run ./internal/gen
