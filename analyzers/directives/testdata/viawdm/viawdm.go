// Package viawdm uses the runtime through wdm only: it is checked.
package viawdm

import "github.com/ndislint/ndislint/wdm"

// want +2 `^malformed directive //ndis:irql: missing argument \(directive-malformed\)$`
//
//ndis:irql
func raise() wdm.Irql { return wdm.PassiveLevel }
