package completion_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ndislint/ndislint/analyzers/completion"
	"github.com/ndislint/ndislint/analyzers/internal/cattest"
	"github.com/ndislint/ndislint/rules"
)

// TestFollowsCatalogue runs the pass on one driver with the embedded
// catalogue and with one whose pairs differ: ProtocolCmMakeCall's request is
// not tied to its completion (no Role.Request), and ProtocolClIncomingCall's
// request is its SAP context instead of its VC context. The pass names no
// role or DDI, so the reports move with the catalogue: the double make-call
// completion is no longer judged, and the incoming-call completion that
// counts is the one made with the SAP context's handle.
func TestFollowsCatalogue(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), completion.Analyzer, "example.com/t/catalogue/asis")
	cattest.Use(t, func(t *testing.T, c *rules.Catalogue) {
		for i := range c.Roles {
			r := &c.Roles[i]
			switch r.Name {
			case "PROTOCOL_CM_MAKE_CALL":
				r.Request = nil
			case "PROTOCOL_CL_INCOMING_CALL":
				r.Request.Param = "ProtocolSapContext"
			}
		}
	})
	analysistest.Run(t, analysistest.TestData(), completion.Analyzer, "example.com/t/catalogue/moved")
}
