// Package malformed holds directives the directives pass reports.
package malformed

import "github.com/ndislint/ndislint/ndis"

// A space after the slashes: Go does not read this as a directive.
// want +1 `malformed directive: no space is allowed between // and ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE \(directive-malformed\)$`
// ndis:role PROTOCOL_CL_CLOSE_CALL_COMPLETE
func spaced(status ndis.Status, vc, party ndis.Handle) {}

//ndis:rol PROTOCOL_CO_DELETE_VC // want `^unknown directive //ndis:rol \(directive-malformed\)$`
func misspelt(vc ndis.Handle) ndis.Status { return ndis.StatusSuccess }

// want +2 `^malformed directive //ndis:role: missing argument \(directive-malformed\)$`
//
//ndis:role
func noRole() {}

//ndis:pageable yes // want `^malformed directive //ndis:pageable: takes no argument \(directive-malformed\)$`
func pageableWithArg() {}

// want +2 `^unknown directive //ndislint:frobnicate \(directive-malformed\)$`
//
//ndislint:frobnicate
func unknownNdislint() {}

func ignores(vc ndis.Handle) {
	// want +1 `^malformed directive //ndislint:ignore: missing argument \(directive-malformed\)$`
	//ndislint:ignore
	_ = vc

	//ndislint:ignore vc-delete-cm-vcx the CM created it // want `^//ndislint:ignore names unknown rule "vc-delete-cm-vcx"; .* \(directive-unknown-rule\)$`
	_ = vc

	//ndislint:ignore directive-malformd,no-such-rule why not // want `unknown rule "directive-malformd"; did you mean directive-malformed\? \(directive-unknown-rule\)$` `unknown rule "no-such-rule"; run 'ndislint help' for the rule IDs \(directive-unknown-rule\)$`
	_ = vc

	// want +1 `^//ndislint:ignore directive-malformed has no reason: say why after the rule IDs \(ignore-missing-reason\)$`
	//ndislint:ignore directive-malformed
	//ndis:bogus
	_ = vc

	//ndislint:ignore directive-malformed nothing is malformed below // want `^//ndislint:ignore directive-malformed suppresses nothing here \(unused-ignore\)$`
	_ = vc
}

// An ignore whose rule list names no rule, or has an empty element, is
// malformed and suppresses nothing.
func emptyRules(vc ndis.Handle) {
	// want +1 `^malformed directive //ndislint:ignore: rule list ",," names no rule: write //ndislint:ignore RULE\[,RULE\.\.\.\] reason \(directive-malformed\)$`
	//ndislint:ignore ,, reason
	_ = vc

	// want +1 `^malformed directive //ndislint:ignore: rule list "," names no rule: .* \(directive-malformed\)$`
	//ndislint:ignore , reason
	_ = vc

	// want +1 `^malformed directive //ndislint:ignore: rule list ",directive-malformed" starts with a comma \(directive-malformed\)$`
	//ndislint:ignore ,directive-malformed the line below is kept for an old tool
	//ndis:bogus // want `^unknown directive //ndis:bogus \(directive-malformed\)$`
	_ = vc

	// want +1 `^malformed directive //ndislint:ignore: rule list "directive-malformed," ends with a comma \(separate rule IDs with commas and no spaces\) \(directive-malformed\)$`
	//ndislint:ignore directive-malformed, directive-unknown-rule the line below is kept for an old tool
	//ndis:bogus // want `^unknown directive //ndis:bogus \(directive-malformed\)$`
	_ = vc

	// want +1 `^malformed directive //ndislint:ignore: rule list "directive-malformed,,directive-unknown-rule" has an empty rule ID between two commas \(directive-malformed\)$`
	//ndislint:ignore directive-malformed,,directive-unknown-rule the line below is kept for an old tool
	//ndis:bogus // want `^unknown directive //ndis:bogus \(directive-malformed\)$`
	_ = vc
}

// An ignore never suppresses a finding about itself.
func selfSuppression(vc ndis.Handle) {
	// want +1 `^//ndislint:ignore ignore-missing-reason has no reason: say why after the rule IDs \(ignore-missing-reason\)$` `^//ndislint:ignore ignore-missing-reason suppresses nothing here \(unused-ignore\)$`
	//ndislint:ignore ignore-missing-reason
	_ = vc

	// want +1 `^//ndislint:ignore names unknown rule "no-such-rule"; .* \(directive-unknown-rule\)$` `^//ndislint:ignore directive-unknown-rule suppresses nothing here \(unused-ignore\)$`
	//ndislint:ignore directive-unknown-rule,no-such-rule it is ours
	_ = vc

	// want +1 `^//ndislint:ignore ignore-missing-reason,directive-unknown-rule,no-such-rule has no reason: .* \(ignore-missing-reason\)$` `unknown rule "no-such-rule"; .* \(directive-unknown-rule\)$` `^//ndislint:ignore ignore-missing-reason suppresses nothing here \(unused-ignore\)$` `^//ndislint:ignore directive-unknown-rule suppresses nothing here \(unused-ignore\)$`
	//ndislint:ignore ignore-missing-reason,directive-unknown-rule,no-such-rule
	_ = vc
}
