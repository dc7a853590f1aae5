package rules

import (
	"regexp"
	"strconv"

	"github.com/pkg/errors"
)

// TimeBound is the time one of Driver Verifier's timed NDIS rules gives a
// driver (NdisTimedOidComplete: an OID request completed "within 12
// seconds"). The generator reads the bounds from the NDIS/WIFI verification
// rule-set page of ../shared/sdv, one per row that states one; the
// simulated NDIS arms its watchdogs with them (TimeBoundOf), so the bound a
// run checks is the page's.
type TimeBound struct {
	// SDV is the rule's name (NdisTimedOidComplete).
	SDV string `json:"sdv"`
	// Seconds is the bound.
	Seconds int `json:"seconds"`
	// Quote is the page's sentence that states it.
	Quote string `json:"quote"`
	// Page is the page, relative to ../shared (sdv/ndis-wifi-verification-rule-set).
	Page string `json:"page"`
}

// secondsIn matches the bound in a quote.
var secondsIn = regexp.MustCompile(`\b(\d+) seconds\b`)

// validateTimeBounds checks each bound names a rule once, is positive and
// is the number its quote states.
func (c *Catalogue) validateTimeBounds() error {
	seen := map[string]bool{}
	for _, b := range c.TimeBounds {
		switch {
		case b.SDV == "":
			return errors.New("timeBound: sdv: empty")
		case seen[b.SDV]:
			return errors.Errorf("timeBound %q: sdv: duplicate entry", b.SDV)
		case b.Seconds <= 0:
			return errors.Errorf("timeBound %q: seconds: %d is not a bound", b.SDV, b.Seconds)
		case b.Page == "":
			return errors.Errorf("timeBound %q: page: empty", b.SDV)
		}
		m := secondsIn.FindStringSubmatch(b.Quote)
		if m == nil || m[1] != strconv.Itoa(b.Seconds) {
			return errors.Errorf("timeBound %q: quote: %q does not state %d seconds", b.SDV, b.Quote, b.Seconds)
		}
		seen[b.SDV] = true
	}
	return nil
}

// TimeBoundOf returns the bound of the timed rule the rule with ID id
// stands for (the first of its SDV rules the catalogue has a bound for),
// or nil.
func (c *Catalogue) TimeBoundOf(id string) *TimeBound {
	r := LookupRule(id)
	if c == nil || r == nil {
		return nil
	}
	for _, s := range r.SDV {
		for i := range c.TimeBounds {
			if c.TimeBounds[i].SDV == s {
				return &c.TimeBounds[i]
			}
		}
	}
	return nil
}
