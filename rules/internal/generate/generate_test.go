package generate

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ndislint/ndislint/rules"
)

func TestParseIrql(t *testing.T) {
	cases := []struct {
		text        string
		role        bool
		kind, level string
		ok          bool
	}{
		{"<= DISPATCH_LEVEL", false, "max", "DISPATCH_LEVEL", true},
		{"<=DISPATCH_LEVEL", false, "max", "DISPATCH_LEVEL", true},
		{"IRQL <= DISPATCH_LEVEL", false, "max", "DISPATCH_LEVEL", true},
		{"PASSIVE_LEVEL", false, "max", "PASSIVE_LEVEL", true},
		{"= PASSIVE_LEVEL", false, "max", "PASSIVE_LEVEL", true},
		{"PASSIVE_LEVEL", true, "exact", "PASSIVE_LEVEL", true},
		{"< DISPATCH_LEVEL", false, "max", "APC_LEVEL", true},
		{"DISPATCH_LEVEL", false, "exact", "DISPATCH_LEVEL", true},
		{"= DISPATCH_LEVEL", false, "exact", "DISPATCH_LEVEL", true},
		{">= DISPATCH_LEVEL", false, "min", "DISPATCH_LEVEL", true},
		{"Any level", false, "any", "", true},
		{"Any level (see Remarks section)", false, "", "", false},
		{"See Remarks section.", false, "", "", false},
		{"", false, "", "", false},
		{"<= BANANA_LEVEL", false, "", "", false},
		{"< APC_LEVEL", false, "", "", false},
	}
	for _, c := range cases {
		q, ok := parseIrql(c.text, c.role)
		if ok != c.ok || (ok && (string(q.Kind) != c.kind || q.Level != c.level)) {
			t.Errorf("parseIrql(%q, role=%v) = %s %s %v, want %s %s %v", c.text, c.role, q.Kind, q.Level, ok, c.kind, c.level, c.ok)
		}
		if q.Page != c.text {
			t.Errorf("parseIrql(%q): page %q", c.text, q.Page)
		}
	}
}

func TestLowerCamel(t *testing.T) {
	for in, want := range map[string]string{
		"NdisVcHandle": "ndisVcHandle", "_pIrql_": "pIrql", "_OldIrql_": "oldIrql", "_VH_": "vh",
		"_S_": "s", "NDISHandle": "ndisHandle", "pTimerObject": "pTimerObject", "MicroSecondsToStall": "microSecondsToStall",
	} {
		if got := lowerCamel(in); got != want {
			t.Errorf("lowerCamel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNames(t *testing.T) {
	for _, c := range [][3]string{
		{"NdisClCloseCall", "ndis", "ClCloseCall"},
		{"NdisMCmCloseCallComplete", "ndis", "MCmCloseCallComplete"},
		{"NDIS_RAISE_IRQL_TO_DISPATCH", "ndis", "RaiseIrqlToDispatch"},
		{"KeRaiseIrql", "wdm", "KeRaiseIrql"},
	} {
		if got := ddiGoName(c[0], c[1]); got != c[2] {
			t.Errorf("ddiGoName(%q) = %q, want %q", c[0], got, c[2])
		}
	}
	if got := camelTypedef("NDIS_CO_CLIENT_OPTIONAL_HANDLERS"); got != "CoClientOptionalHandlers" {
		t.Errorf("camelTypedef = %q", got)
	}
	if got := ndis5Typedef("PROTOCOL_CL_CLOSE_CALL_COMPLETE"); got != "CL_CLOSE_CALL_COMPLETE_HANDLER" {
		t.Errorf("ndis5Typedef = %q", got)
	}
	if got := callbackName("NDIS calls a protocol driver's ProtocolBindAdapterEx function to"); got != "ProtocolBindAdapterEx" {
		t.Errorf("callbackName = %q", got)
	}
}

func TestParsePage(t *testing.T) {
	text := "---\r\napi_name:\r\n - NdisX\r\nreq.irql: <= DISPATCH_LEVEL\r\n---\r\n## -parameters\r\n" +
		"### -param A [in]\r\n\r\ntext\r\n### -param B [out, optional]  \r\n### -param C [in, out]\r\n### -param D\r\n" +
		"## -returns\r\n<dt><b>NDIS_STATUS_SUCCESS</b></dt>\r\n#### NDIS_STATUS_<i>XXX</i>\r\n"
	p, err := parsePage("nf-x", text)
	if err != nil {
		t.Fatal(err)
	}
	if p.First("api_name") != "NdisX" || p.First("req.irql") != "<= DISPATCH_LEVEL" {
		t.Errorf("front matter %v", p.Front)
	}
	want := []PageParam{{"A", rules.In, false}, {"B", rules.Out, true}, {"C", rules.InOut, false}, {"D", "", false}}
	if !reflect.DeepEqual(p.Params, want) {
		t.Errorf("params %+v, want %+v", p.Params, want)
	}
	if got := returnStatuses(p.Sections["-returns"]); !reflect.DeepEqual(got, []string{"NDIS_STATUS_SUCCESS", "NDIS_STATUS_XXX"}) {
		t.Errorf("statuses %v", got)
	}
	if _, err := parsePage("nf-y", "---\napi_name:\n - Y\n---\n### -param Q [sideways]\n"); err == nil {
		t.Error("an unknown parameter attribute was accepted")
	}
}

// refAndOverlay returns the reference directory and a copy of the overlay
// as a generic JSON value, skipping when the reference is absent.
func refAndOverlay(t *testing.T) (string, map[string]any) {
	t.Helper()
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	ref := filepath.Join(root, "..", "shared", "ddi")
	if _, err := os.Stat(ref); os.IsNotExist(err) {
		t.Skipf("the NDIS reference %s is absent", ref)
	}
	b, err := os.ReadFile(filepath.Join(root, "rules", "overlay.json"))
	if err != nil {
		t.Fatal(err)
	}
	var o map[string]any
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	return ref, o
}

// generateWith runs the generator with a modified overlay.
func generateWith(t *testing.T, ref string, o map[string]any) error {
	t.Helper()
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "overlay.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Generate(ref, path)
	return err
}

// TestGenerateErrors checks that what the generator cannot resolve fails
// with an error naming the page.
func TestGenerateErrors(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(o map[string]any)
		wants []string
	}{
		{"unresolved IRQL", func(o map[string]any) {
			delete(o["ddis"].(map[string]any)["NdisFreeMemory"].(map[string]any), "irql")
		}, []string{"nf-ndis-ndisfreememory", "req.irql", "See Remarks section"}},
		{"missing C type", func(o map[string]any) {
			delete(o["ddis"].(map[string]any)["NdisCoOidRequest"].(map[string]any)["params"].(map[string]any), "OidRequest")
		}, []string{"nf-ndis-ndiscooidrequest", "OidRequest", "C type"}},
		{"missing direction", func(o map[string]any) {
			delete(o["ddis"].(map[string]any)["NdisSetOptionalHandlers"].(map[string]any)["params"].(map[string]any)["NdisHandle"].(map[string]any), "dir")
		}, []string{"nf-ndis-ndissetoptionalhandlers", "NdisHandle", "direction"}},
		{"overlay entry for nothing", func(o map[string]any) {
			o["ddis"].(map[string]any)["NdisNope"] = map[string]any{}
		}, []string{"NdisNope"}},
		{"hand-resolved IRQL without a reason", func(o map[string]any) {
			delete(o["ddis"].(map[string]any)["NdisFreeMemory"].(map[string]any)["irql"].(map[string]any), "reason")
		}, []string{"nf-ndis-ndisfreememory", "reason"}},
		{"synthesized DDI the reference has a page for", func(o map[string]any) {
			o["ddis"].(map[string]any)["NdisFreeNetBufferListPool"] = o["ddis"].(map[string]any)["NdisFreeMdl"]
		}, []string{"NdisFreeNetBufferListPool", "nf-nblapi-ndisfreenetbufferlistpool", "catalogue it from its page"}},
		{"synthesized DDI with a page out of scope", func(o map[string]any) {
			o["ddis"].(map[string]any)["NdisAdjustMdlLength"] = o["ddis"].(map[string]any)["NdisFreeMdl"]
		}, []string{"NdisAdjustMdlLength", "nf-ndis-ndisadjustmdllength.md", "catalogue it from its page"}},
		{"synthesized DDI without a reason", func(o map[string]any) {
			delete(o["ddis"].(map[string]any)["NdisFreeMdl"].(map[string]any)["synthesized"].(map[string]any), "reason")
		}, []string{"NdisFreeMdl", "reason"}},
		{"synthesized DDI with a parameter overlay", func(o map[string]any) {
			o["ddis"].(map[string]any)["NdisFreeMdl"].(map[string]any)["params"] = map[string]any{"Mdl": map[string]any{"ctype": "PVOID"}}
		}, []string{"NdisFreeMdl", "give its signature and IRQL in synthesized"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ref, o := refAndOverlay(t)
			c.edit(o)
			err := generateWith(t, ref, o)
			if err == nil {
				t.Fatal("the generator accepted it")
			}
			for _, w := range c.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// TestReturnStatusesWithAlternative reads a return-code cell that names more
// than one status ("NDIS_STATUS_XXX or NTSTATUS_XXX", as the
// ProtocolBindAdapterEx page has).
func TestReturnStatusesWithAlternative(t *testing.T) {
	section := "<dt><b>NDIS_STATUS_SUCCESS</b></dt>\n<dt><b>NDIS_STATUS_XXX or NTSTATUS_XXX</b></dt>"
	got := returnStatuses(section)
	if want := []string{"NDIS_STATUS_SUCCESS", "NDIS_STATUS_XXX"}; !reflect.DeepEqual(got, want) {
		t.Errorf("returnStatuses = %v, want %v", got, want)
	}
}

// TestReturnStatusesMixedCaseAny reads the IF_QUERY_OBJECT page's
// "NDIS_STATUS_Xxx" row as any other status (rules.StatusAny), not as a
// status named NDIS_STATUS_X.
func TestReturnStatusesMixedCaseAny(t *testing.T) {
	section := "<dt><b>NDIS_STATUS_SUCCESS</b></dt>\n<dt><b>NDIS_STATUS_Xxx</b></dt>"
	got := returnStatuses(section)
	if want := []string{"NDIS_STATUS_SUCCESS", "NDIS_STATUS_XXX"}; !reflect.DeepEqual(got, want) {
		t.Errorf("returnStatuses = %v, want %v", got, want)
	}
}
