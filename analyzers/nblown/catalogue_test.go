package nblown_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/internal/cattest"
	"github.com/ndislint/ndislint/analyzers/nblown"
	"github.com/ndislint/ndislint/rules"
)

// TestFollowsCatalogue runs the pass on one driver with the embedded
// catalogue and with one whose handoffs differ: every KeepIf removed (an
// indication with NDIS_RECEIVE_FLAGS_RESOURCES hands its lists off too) and
// NdisReturnNetBufferLists's Handoff removed. The pass names no DDI, so the
// reports move with the catalogue.
func TestFollowsCatalogue(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nblown.Analyzer, "example.com/t/catalogue/asis")
	cattest.Use(t, func(t *testing.T, c *rules.Catalogue) {
		kept, returned := 0, 0
		for i := range c.DDIs {
			for j := range c.DDIs[i].Params {
				p := &c.DDIs[i].Params[j]
				if p.Handoff == nil {
					continue
				}
				if p.Handoff.KeepIf != nil {
					p.Handoff.KeepIf = nil
					kept++
				}
				if c.DDIs[i].Name == "NdisReturnNetBufferLists" {
					p.Handoff = nil
					returned++
				}
			}
		}
		if kept == 0 || returned == 0 {
			t.Fatalf("the catalogue has %d KeepIf and %d NdisReturnNetBufferLists handoffs", kept, returned)
		}
	})
	analysistest.Run(t, analysistest.TestData(), nblown.Analyzer, "example.com/t/catalogue/moved")
}
