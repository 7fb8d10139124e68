// The starter policy `warden init` writes beside warden.yaml. It parses as it is and works for a
// DingTalk organisation out of the box (tested as a who-may-do-what table): everyone in the
// organisation is a member (DingTalk's root department is 1, and the channel reports every ancestor
// department of a sender); members read DingTalk freely and every DingTalk write waits for their
// manager; people from other organisations get only the knowledge skills an admin lists and `read`.
// Anything not named is denied, including DingTalk tools added later.

export const STARTER_POLICY = `# Warden policy: who may use which skills and tools, what needs approval, and quotas.
# Reference: docs/policy.md. Deny unless a rule allows; the most specific matching rule decides,
# and a deny wins a tie.
version: 1

# Your DingTalk organisation's corpId: people from any other organisation get externalRole.
# (The DingTalk channel also marks senders it cannot find in your directory as external.)
# corpId: dingxxxxxxxxxxxxxxxx

# Role of people in the organisation no entry below names, and of people from other organisations.
defaultRole: guest
externalRole: external

# Named people, by DingTalk userId (staffId) or unionId.
principals:
  it-admin:
    userId: "manager0001"               # replace with your administrator's userId
    roles: [admin]

# Groups by department (sub-departments included), userIds or unionIds.
groups:
  members:
    description: Everyone in the organisation (department 1 is the root of every DingTalk org chart).
    departments: ["1"]
    roles: [employee]

roles:
  guest:
    description: In the organisation but in no group (e.g. not in the directory yet); chat and read its workspace.
    tools: [read, list]
    quotas: { turnsPerDay: 20, tokensPerDay: 50000 }

  external:
    description: People from other organisations (customers in a service group); knowledge skills only.
    skills: []                          # the knowledge skills customers may use, e.g. ["faq-*"]
    tools: [read]                       # enough to read a skill's SKILL.md; no commands, no DingTalk
    quotas: { turnsPerDay: 10, tokensPerDay: 20000 }

  employee:
    description: Members of the organisation.
    skills: ["*"]                       # any skill the registry has approved
    tools:
      - read                            # workspace files (the conversation's own folder)
      - list
      - write
      - edit
      - exec                            # in the sandbox, workspace only, egress through the proxy
      - "dingtalk_*_list*"              # DingTalk reads, as the requester (DingTalk's own permissions apply)
      - "dingtalk_*_query*"
    deny:
      - tool: exec
        args: { command: "/\\\\brm\\\\s+-[a-z]*r/" }
        reason: recursive deletes are not allowed
    approvals:
      - tool: web_fetch
        approvers: { manager: true }
        reason: fetching web pages needs your manager's approval
      - tool: "dingtalk_*_create*"
        approvers: { manager: true }
        reason: creating things in DingTalk needs your manager's approval
      - tool: "dingtalk_*_update*"
        approvers: { manager: true }
        reason: changing things in DingTalk needs your manager's approval
      - tool: "dingtalk_*_delete*"
        approvers: { manager: true }
        reason: deleting things in DingTalk needs your manager's approval
      - tool: "dingtalk_*_complete*"
        approvers: { manager: true }
        reason: completing tasks and todos needs your manager's approval
      - tool: dingtalk_send_message
        approvers: { manager: true }
        reason: sending a message on your behalf needs your manager's approval
    quotas: { turnsPerDay: 200, tokensPerDay: 400000 }

  admin:
    skills: ["*"]
    tools: ["*"]                        # DingTalk writes still wait: the employee approvals apply too
    egress: ["*.example.com"]
    approvals:
      - tool: exec
        skill: "*"
        args: { command: "*--send*" }
        approvers: { role: admin }
`;
