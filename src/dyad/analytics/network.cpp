// analytics — the actor network over a window, and actor labels.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "dyad/analytics/actor_keys.h"
#include "dyad/analytics/analytics.h"

namespace dyad {

using analytics_internal::KeyExpr;

Status ActorLabels(sql::Db& db, ActorLevel level, const std::vector<std::string>& keys,
                   std::vector<std::string>* labels) {
  labels->assign(keys.size(), std::string());
  if (keys.empty()) return Status::OK();
  // Every level's key is a prefix of the codes it groups ("RUS" of RUSGOV),
  // so the names under a key are a range of actor_names. The name used for
  // the key itself wins ("Russia" over "Russian troops" for RUS), then the
  // most frequent.
  (void)level;
  sql::Stmt st;
  Status s = db.Prepare(
      "SELECT name FROM actor_names WHERE code >= ?1 AND code < ?2 "
      "ORDER BY (code = ?1) DESC, n DESC, name LIMIT 1", &st);
  if (!s.ok()) return s;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].empty()) continue;
    st.Bind(1, keys[i]).Bind(2, keys[i] + "\x7f");
    if (st.Step()) (*labels)[i] = st.Text(0);
    Status r = st.status();
    st.Reset();
    if (!r.ok()) return r;
  }
  return Status::OK();
}

Status ActorNetwork(sql::Db& db, const NetworkQuery& q, Network* out) {
  *out = Network();
  Status s = CheckFilter(db, q.filter);
  if (!s.ok()) return s;
  SqlWhere w = BuildWhere(q.filter);
  const std::string sk = KeyExpr(q.level, "source"), tk = KeyExpr(q.level, "target");
  // One row per event, summed here rather than by SQL's GROUP BY: SQLite
  // groups by sorting every row of the window (~200 ms for a year of a
  // million-event store), a hash table does it in one pass.
  std::string sql =
      "SELECT " + sk + " AS s, " + tk + " AS t, e.n_mentions, e.quad_class, e.goldstein "
      "FROM events e WHERE " + w.sql + " AND s <> '' AND t <> ''" + (q.include_self ? "" : " AND s <> t");
  sql::Stmt st;
  if (!(s = db.Prepare(sql, &st)).ok()) return s;
  BindParams(&st, w.params);
  std::vector<NetworkEdge> all;
  std::unordered_map<std::string, size_t> index;
  std::string key;
  while (st.Step()) {
    key = st.Text(0);
    key += '\0';
    key += st.Text(1);
    auto [it, fresh] = index.try_emplace(key, all.size());
    if (fresh) {
      NetworkEdge e;
      e.source = st.Text(0);
      e.target = st.Text(1);
      all.push_back(std::move(e));
    }
    NetworkEdge& e = all[it->second];
    ++e.events;
    e.mentions += st.Int(2);
    const int64_t quad = st.Int(3);
    if (quad == 1 || quad == 2) ++e.cooperation;
    else if (quad == 3 || quad == 4) ++e.conflict;
    else if (quad == 0) ++e.neutral;
    e.goldstein_sum += st.Double(4);
  }
  if (!st.status().ok()) return st.status();
  std::vector<NetworkEdge> edges;
  for (auto& e : all) {
    e.goldstein_mean = e.events ? e.goldstein_sum / static_cast<double>(e.events) : 0;
    if (e.events >= q.min_events) edges.push_back(std::move(e));
  }

  // Keep the most active actors, then the edges among them.
  std::map<std::string, NetworkNode> nodes;
  for (const auto& e : edges) {
    for (const std::string* k : {&e.source, &e.target}) {
      NetworkNode& n = nodes[*k];
      n.id = *k;
      n.events += e.events;
      n.cooperation += e.cooperation;
      n.conflict += e.conflict;
    }
    if (e.source == e.target) {  // a self-loop was counted twice
      NetworkNode& n = nodes[e.source];
      n.events -= e.events;
      n.cooperation -= e.cooperation;
      n.conflict -= e.conflict;
    }
  }
  std::vector<NetworkNode> ranked;
  for (auto& [k, n] : nodes) ranked.push_back(std::move(n));
  std::sort(ranked.begin(), ranked.end(), [](const NetworkNode& a, const NetworkNode& b) {
    return a.events != b.events ? a.events > b.events : a.id < b.id;
  });
  if (q.max_nodes > 0 && ranked.size() > static_cast<size_t>(q.max_nodes)) ranked.resize(q.max_nodes);
  std::set<std::string> kept;
  for (const auto& n : ranked) kept.insert(n.id);
  std::map<std::string, std::set<std::string>> partners;
  for (auto& e : edges) {
    if (!kept.count(e.source) || !kept.count(e.target)) continue;
    partners[e.source].insert(e.target);
    partners[e.target].insert(e.source);
    out->edges.push_back(std::move(e));
  }
  std::sort(out->edges.begin(), out->edges.end(), [](const NetworkEdge& a, const NetworkEdge& b) {
    if (a.events != b.events) return a.events > b.events;
    return std::tie(a.source, a.target) < std::tie(b.source, b.target);
  });
  std::vector<std::string> keys;
  for (auto& n : ranked) {
    n.degree = static_cast<int>(partners[n.id].size());
    keys.push_back(n.id);
  }
  std::vector<std::string> labels;
  if (!(s = ActorLabels(db, q.level, keys, &labels)).ok()) return s;
  for (size_t i = 0; i < ranked.size(); ++i) ranked[i].label = labels[i].empty() ? ranked[i].id : labels[i];
  out->nodes = std::move(ranked);
  return Status::OK();
}

}  // namespace dyad
