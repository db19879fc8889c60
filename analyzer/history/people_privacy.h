#pragma once
// People are personal data: without --show-emails the facts name people by their names, never by
// their e-mail addresses. The walk identifies people by address (history/identity.h); this step
// replaces every address in the finished history facts before anything (health checks, reports,
// facts.json) reads them.
#include "core/history_model.h"

namespace rh {

/// Renames every person from their id (an e-mail address) to their name, made unique with " (2)",
/// " (3)"… in first-seen order of the authors list (most commits first); a name that is itself an
/// address is cut to its part before '@', an empty one becomes "unnamed author N". Clears
/// Contributor::email and ::aliases and BotAccount::email, and renames individuals in the
/// organisations list. Shares, counts and order stay as they are.
void hide_emails(HistoryFacts& history);

}  // namespace rh
