package generate

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// oidPageText reads the SDV NdisOidComplete page, skipping when the
// reference is absent.
func oidPageText(t *testing.T) string {
	t.Helper()
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, "..", "shared", "sdv", "ndis-ndisoidcomplete.md")
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("the SDV reference page %s is absent", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestParseOidPage reads the real page: two rows in each table, the ten
// OIDs in page order, the statuses of each table, and the "Applies to"
// list. It fails when the page changes shape.
func TestParseOidPage(t *testing.T) {
	pg, err := parseOidPage(oidPageText(t))
	if err != nil {
		t.Fatal(err)
	}
	wantOids := []string{"OID_PNP_SET_POWER", "OID_RECEIVE_FILTER_CLEAR_FILTER", "OID_TCP_TASK_IPSEC_OFFLOAD_V2_DELETE_SA",
		"OID_RECEIVE_FILTER_FREE_QUEUE", "OID_NIC_SWITCH_FREE_VF", "OID_NIC_SWITCH_DELETE_SWITCH",
		"OID_802_3_DELETE_MULTICAST_ADDRESS", "OID_PM_REMOVE_WOL_PATTERN", "OID_PM_REMOVE_PROTOCOL_OFFLOAD",
		"OID_TUNNEL_INTERFACE_RELEASE_OID"}
	if !reflect.DeepEqual(pg.oidsInPage, wantOids) {
		t.Errorf("OIDs %v, want %v", pg.oidsInPage, wantOids)
	}
	want := [][2][]string{
		{{"NDIS_STATUS_NOT_ACCEPTED", "NDIS_STATUS_SUCCESS", "NDIS_STATUS_PENDING"}, {"NDIS_STATUS_NOT_ACCEPTED", "NDIS_STATUS_SUCCESS"}},
		{{"NDIS_STATUS_NOT_ACCEPTED", "NDIS_STATUS_REQUEST_ABORTED", "NDIS_STATUS_SUCCESS", "NDIS_STATUS_PENDING"}, {"NDIS_STATUS_NOT_ACCEPTED", "NDIS_STATUS_REQUEST_ABORTED", "NDIS_STATUS_SUCCESS"}},
	}
	if len(pg.returned) != len(want) {
		t.Fatalf("%d rows, want %d", len(pg.returned), len(want))
	}
	for i, w := range want {
		if !reflect.DeepEqual(pg.returned[i].statuses, w[0]) || !reflect.DeepEqual(pg.completed[i].statuses, w[1]) {
			t.Errorf("row %d: %v / %v, want %v / %v", i+1, pg.returned[i].statuses, pg.completed[i].statuses, w[0], w[1])
		}
	}
	if apply := []string{"MiniportDevicePnPEventNotify", "MiniportOidRequest", "NdisMOidRequestComplete"}; !reflect.DeepEqual(pg.appliesTo, apply) {
		t.Errorf("applies to %v, want %v", pg.appliesTo, apply)
	}
}

// TestParseOidPageShapes edits the real page into shapes the parser does
// not know and expects an error for each.
func TestParseOidPageShapes(t *testing.T) {
	text := oidPageText(t)
	first := strings.Index(text, "<table>")
	second := first + 1 + strings.Index(text[first+1:], "<table>")
	cases := []struct {
		name string
		edit func(string) string
		want string
	}{
		{"second table gone", func(s string) string {
			end := strings.Index(s[second:], "</table>") + second + len("</table>")
			return s[:second] + s[end:]
		}, "OID tables"},
		{"a third OID table", func(s string) string {
			end := strings.Index(s[second:], "</table>") + second + len("</table>")
			return s[:end] + "\n" + s[second:end] + s[end:]
		}, "headings"},
		{"prose in a cell", func(s string) string {
			return strings.Replace(s, "<p>OID_NIC_SWITCH_FREE_VF</p>", "<p>OID_NIC_SWITCH_FREE_VF on a VF</p>", 1)
		}, "OID_NIC_SWITCH_FREE_VF on a VF"},
		{"rows disagree", func(s string) string {
			return s[:second] + strings.Replace(s[second:], "<p>OID_PM_REMOVE_WOL_PATTERN</p>", "", 1)
		}, "the tables list"},
		{"PENDING completes", func(s string) string {
			return s[:second] + strings.Replace(s[second:], "<p>NDIS_STATUS_SUCCESS</p>", "<p>NDIS_STATUS_SUCCESS</p>\n<p>NDIS_STATUS_PENDING</p>", 1)
		}, "NDIS_STATUS_PENDING"},
		{"renamed heading", func(s string) string {
			return strings.Replace(s, "In addition, if the OID is:", "Otherwise, if the OID is:", 1)
		}, "headings"},
		{"an OID table under another heading", func(s string) string {
			return strings.Replace(s, "<th align=\"left\">If the OID is:</th>", "<th align=\"left\">OID</th>", 1)
		}, "heading the parser does not know"},
		{"no Applies to", func(s string) string {
			return strings.Replace(s, "## Applies to", "## Also see", 1)
		}, "Applies to"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseOidPage(c.edit(text))
			if err == nil {
				t.Fatal("the parser accepted it")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not mention %q", err, c.want)
			}
		})
	}
}

// TestOidTableErrors checks that the generator fails, naming the OID, on
// an OID of the page with no value and on a value for an OID the page does
// not name.
func TestOidTableErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(values map[string]any)
		want string
	}{
		{"missing value", func(v map[string]any) { delete(v, "OID_NIC_SWITCH_FREE_VF") }, "OID_NIC_SWITCH_FREE_VF"},
		{"value for no row", func(v map[string]any) {
			v["OID_GEN_XMIT_OK"] = map[string]any{"value": "0x00020101", "header": "h", "reason": "r"}
		}, "OID_GEN_XMIT_OK"},
		{"no header", func(v map[string]any) {
			delete(v["OID_PNP_SET_POWER"].(map[string]any), "header")
		}, "OID_PNP_SET_POWER"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ref, o := refAndOverlay(t)
			c.edit(o["oidTable"].(map[string]any)["values"].(map[string]any))
			err := generateWith(t, ref, o)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one naming %s", err, c.want)
			}
		})
	}
}
