package report

import (
	"encoding/json"
	"io"
)

// WriteJSON writes res as one JSON object, indented by two spaces and
// ended by a newline, in the shape of Result's JSON tags:
//
//	{
//	  "findings": [{"rule", "pass", "package", "pos", "message",
//	                "related": [{"pos", "message"}],
//	                "fixes": [{"message", "edits": [{"pos", "newText"}]}],
//	                "suppressed": {"pos", "justification"}}],
//	  "errors": ["one line each"],
//	  "summary": {"rules": [{"rule", "status", "defects", "reason"}],
//	              "packages": [{"package", "roles"}]}
//	}
//
// A pos is {"file", "line", "col", "endLine", "endCol", "offset",
// "endOffset"}: lines and columns from 1, columns and offsets in bytes; the
// end fields are left out for a point. "findings" is always an array, in
// the Result's order; "related", "fixes", "suppressed", "errors" and
// "summary" are left out when empty. Fields may be added; none will be
// renamed or removed.
func WriteJSON(w io.Writer, res *Result) error {
	out := *res
	out.Findings = sorted(res)
	if out.Findings == nil {
		out.Findings = []Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(&out)
}
