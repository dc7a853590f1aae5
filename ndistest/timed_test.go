package ndistest_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ndislint/ndislint/ndis"
	"github.com/ndislint/ndislint/ndistest"
	"github.com/ndislint/ndislint/rules"
)

// withOidBound returns the embedded catalogue with NdisTimedOidComplete's
// bound set to seconds (its quote restated, as a changed page would say
// it), or removed when seconds is 0.
func withOidBound(t *testing.T, seconds int) *rules.Catalogue {
	return testCatalogue(t, func(c *rules.Catalogue) {
		b := c.TimeBoundOf(rules.RuleOidTimeout)
		if b == nil {
			t.Fatal("the embedded catalogue has no bound for oid-timeout")
		}
		var kept []rules.TimeBound
		for _, x := range c.TimeBounds {
			if x.SDV != b.SDV {
				kept = append(kept, x)
			} else if seconds > 0 {
				x.Quote = strings.Replace(x.Quote, "12 seconds", fmt.Sprintf("%d seconds", seconds), 1)
				x.Seconds = seconds
				kept = append(kept, x)
			}
		}
		c.TimeBounds = kept
	})
}

// TestTimeBoundFromCatalogue: the oid-timeout watchdog fires after the
// catalogue's bound, whatever it is: with NdisTimedOidComplete at 5 s a
// request pended for 6 s is reported; with no bound nothing is armed and
// 13 s pass unreported.
func TestTimeBoundFromCatalogue(t *testing.T) {
	t.Run("5 s", func(t *testing.T) {
		sys := ndistest.New(t, ndistest.UseCatalogue(withOidBound(t, 5)), ndistest.Expect(rules.RuleOidTimeout))
		mp := &testMiniport{oidPends: true}
		_, p, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
		req := &ndis.OidRequest{Oid: 1}
		p.Oid(req)
		sys.Advance(4 * time.Second)
		if n := len(sys.ViolationsOf(rules.RuleOidTimeout)); n != 0 {
			t.Errorf("oid-timeout after 4 s with a 5 s bound: %d reports", n)
		}
		sys.Advance(2 * time.Second)
		vs := sys.ViolationsOf(rules.RuleOidTimeout)
		if len(vs) != 1 || !strings.Contains(vs[0].String(), "5 s later") {
			t.Errorf("after 6 s with a 5 s bound: %v, want one oid-timeout saying 5 s", vs)
		}
		ndis.MOidRequestComplete(a.h, req, ndis.StatusSuccess)
	})
	t.Run("no bound", func(t *testing.T) {
		sys := ndistest.New(t, ndistest.UseCatalogue(withOidBound(t, 0)))
		mp := &testMiniport{oidPends: true}
		_, p, a := miniportStack(t, sys, mp, ndistest.ProtocolScript{})
		req := &ndis.OidRequest{Oid: 1}
		p.Oid(req)
		sys.Advance(13 * time.Second)
		ndis.MOidRequestComplete(a.h, req, ndis.StatusSuccess)
	})
}
