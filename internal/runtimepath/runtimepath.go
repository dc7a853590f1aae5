// Package runtimepath names the reference runtime's packages by import
// path: what the passes' front end and the command's loader both need to
// know to tell a driver from the runtime it is written against.
package runtimepath

import "strings"

// Import paths of the runtime packages drivers import.
const (
	Module = "github.com/ndislint/ndislint"
	Ndis   = Module + "/ndis"
	Wdm    = Module + "/wdm"
)

// IsRuntime reports whether path is one of the runtime's own packages (ndis,
// wdm, the simulator and kernel under internal/, the catalogue under
// rules), or an external test package of one. The catalogue speaks for
// them: no pass analyses them.
func IsRuntime(path string) bool {
	path = strings.TrimSuffix(path, "_test")
	return path == Ndis || path == Wdm ||
		strings.HasPrefix(path, Module+"/internal/") ||
		path == Module+"/rules" || strings.HasPrefix(path, Module+"/rules/")
}

// ImportsRuntime reports whether path is ndis or wdm, the packages whose
// importers are analysed.
func ImportsRuntime(path string) bool { return path == Ndis || path == Wdm }
