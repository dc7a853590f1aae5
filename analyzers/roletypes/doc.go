package roletypes

const doc = `check callback roles: nominal roles, prototypes, mandatory handlers, statuses

NDIS roles are nominal: several share one signature, so Go's type checker,
like C's, accepts a function written for one role in the slot of another.
The roles pass knows each function's role from the handler-structure slot it
is stored in (a composite literal or an assignment, also through variables,
method values and closures), from a role-typed parameter, variable or
conversion, and from a //ndis:role directive on its declaration (the
typedef, PROTOCOL_CL_CLOSE_CALL_COMPLETE, or the Go type name,
ProtocolClCloseCallComplete); roles cross packages as facts. It reports:

  role-mismatch            a function stored in a slot (or passed, converted,
                           assigned) as another role than the one it is
                           declared for
  role-conflict            a function declared for, or used in, two roles
  role-undeclared          a function in a slot whose signature other roles
                           share, with no declared role (fix: add the
                           directive for the slot's role)
  role-prototype           a function declared by directive whose parameters
                           or result differ from the role's page
  role-param-names         a parameter named after another position of the
                           role's page (the party context in the VC
                           context's place)
  role-missing-handler     a handler structure registered with a mandatory
                           slot empty (fix: generate the handlers)
  role-bad-status          a status the role's page does not allow, on any
                           path, through variables, helpers and DDIs
  role-optional-unchecked  an [in, optional] parameter type-asserted (one-value
                           form) or dereferenced with no check on the way
  role-directive           an //ndis:role naming no role, with extra words,
                           or outside a function's doc comment

NDIS_STATUS_PENDING from ProtocolCoDeleteVc is the vclifetime pass's
vc-delete-handler-pends and is not reported here.

Precision before recall: a function value the pass cannot resolve (a
parameter, a field, a closure returned by a factory) has no role; a handler
structure filled by a helper it is passed to is not checked for mandatory
slots; a status from a parameter or a field is unknown; any branch on the
way to an optional parameter's use other than one on the status counts as
a check; slot requirements stated as conditions the code cannot show (an
MCM or not) are not checked. Uses of optional parameters inside helpers and
closures are not followed. The runtime packages themselves (ndis, wdm) are
not examined. Run 'ndislint help RULE' for a rule's details.`
