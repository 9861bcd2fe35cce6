/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-template"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-plan-private.h"

/* The starter template: what a technology leader does, one function at a
 * time, with typical hours per week for a company of ten to thirty people. */
static const struct {
  const char  *id;
  CtoFunction  function;
  double       effort;
  const char  *title;
  const char  *description;
} starter[] = {
  { "internal-tools", CTO_FUNCTION_PLANNING, 3,
    N_("Choose and run the tools the team works with"),
    N_("Email, chat, documents, accounts: what people use every day, and who may use what.") },
  { "product-stack", CTO_FUNCTION_PLANNING, 4,
    N_("Choose the technology the product is built with"),
    N_("Languages, frameworks and services, and the reasons for each choice.") },
  { "technology-roadmap", CTO_FUNCTION_PLANNING, 2,
    N_("Plan moves to new technology as the company grows"),
    N_("When a tool no longer fits, plan the move before it hurts.") },
  { "software-budget", CTO_FUNCTION_PLANNING, 1,
    N_("Keep the software and licence budget"),
    N_("Subscriptions, seats and renewals.") },
  { "security", CTO_FUNCTION_INFRASTRUCTURE, 4,
    N_("Protect the company from security threats"),
    N_("Access control, updates, phishing training and incident response.") },
  { "data-storage", CTO_FUNCTION_INFRASTRUCTURE, 3,
    N_("Decide where and how data is stored"),
    N_("Databases, file storage, retention and privacy obligations.") },
  { "backups", CTO_FUNCTION_INFRASTRUCTURE, 2,
    N_("Back up data and test restoring it"),
    N_("A backup nobody has restored is a hope, not a plan.") },
  { "systems-operations", CTO_FUNCTION_INFRASTRUCTURE, 5,
    N_("Run the systems the company depends on"),
    N_("Servers, cloud accounts, monitoring and on-call.") },
  { "marketing-technology", CTO_FUNCTION_CONSUMER_LIAISON, 3,
    N_("Run the technical side of marketing"),
    N_("Website, analytics, email campaigns and their tools.") },
  { "social-media", CTO_FUNCTION_CONSUMER_LIAISON, 2,
    N_("Keep the company's social media accounts working and secure"),
    N_("Accounts, access, scheduling tools and integrations.") },
  { "customer-support-lead", CTO_FUNCTION_CONSUMER_LIAISON, 6,
    N_("Lead technical support for customers"),
    N_("Answer what support cannot, and turn repeated questions into fixes.") },
  { "customer-feedback", CTO_FUNCTION_CONSUMER_LIAISON, 2,
    N_("Bring customers' technical feedback into the product"),
    N_("Collect, weigh and pass on what customers ask for.") },
  { "technology-strategy", CTO_FUNCTION_THINKER, 3,
    N_("Set the technology strategy with the CEO"),
    N_("How technology serves the company's long-term goals.") },
  { "investor-briefings", CTO_FUNCTION_THINKER, 2,
    N_("Explain the technology to investors and partners"),
    N_("Board meetings, due diligence and partner conversations.") },
  { "strategy-review", CTO_FUNCTION_THINKER, 1,
    N_("Adjust the strategy from investors' and partners' feedback"),
    N_("Review what was heard and change course where it is right.") },
};

CtoPlan *
cto_plan_new_from_template (void)
{
  CtoPlan *plan = cto_plan_new ();

  for (guint i = 0; i < G_N_ELEMENTS (starter); i++)
    {
      g_autoptr(CtoResponsibility) responsibility =
        cto_responsibility_new (starter[i].id,
                                _(starter[i].title),
                                starter[i].function,
                                starter[i].effort,
                                _(starter[i].description));

      _cto_plan_append_responsibility (plan, responsibility);
    }

  return plan;
}
