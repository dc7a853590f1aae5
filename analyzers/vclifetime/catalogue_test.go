package vclifetime_test

import (
	"testing"

	"github.com/ndislint/ndislint/analyzers/internal/cattest"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/vclifetime"
	"github.com/ndislint/ndislint/rules"
)

// TestFollowsCatalogue runs the pass on one driver with the embedded
// catalogue and with one whose CM-created VC lifetime differs: the handle
// dies in ProtocolClIncomingCloseCall instead of ProtocolClCloseCallComplete,
// and only the condis-client family is forbidden on a dead handle. The pass
// names no role or DDI, so the reports move with the catalogue.
func TestFollowsCatalogue(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), vclifetime.Analyzer, "example.com/t/catalogue/asis")
	cattest.Use(t, func(t *testing.T, c *rules.Catalogue) {
		cm := c.Lifetime(rules.ObjectVcCM)
		for i := range cm.Edges {
			e := &cm.Edges[i]
			switch {
			case e.Event == rules.EventRole && e.InvalidatesKind == cm.Handle:
				e.Invalidates, e.InvalidatesKind = "", rules.KindNone
			case e.By == "PROTOCOL_CL_INCOMING_CLOSE_CALL":
				e.Invalidates, e.InvalidatesKind = "NdisVcHandle", cm.Handle
			}
		}
		cm.Invalid.Families = []string{"condis-client"}
	})
	analysistest.Run(t, analysistest.TestData(), vclifetime.Analyzer, "example.com/t/catalogue/moved")
}
