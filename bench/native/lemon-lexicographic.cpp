// The same-run native reference for the matching engine (issue 15 § 1):
// the networks `assign` builds, solved by LEMON (Debian's liblemon-dev) the
// way the issue solved them with OR-tools — one max flow per urgency prefix
// (Preflow), then a min-cost flow with each priority edge's flow fixed at
// the difference of consecutive maxima (NetworkSimplex, lower = upper).
// Input: one file per component, written by bench/matching-native.ts:
//   n m source sink k / k priority edge ids / m lines "from to capacity cost".
// Output: one JSON line with the totals and the CPU time of the solves alone
// (reading the files is excluded, as it was for the OR-tools figures).
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/smart_graph.h>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

using namespace lemon;
typedef SmartDigraph G;

struct Part {
  int n = 0, m = 0, source = 0, sink = 0;
  std::vector<int> priority, from, to;
  std::vector<long long> cap, cost;
};

static Part readPart(const char* path) {
  std::ifstream in(path);
  Part p;
  int k = 0;
  if (!(in >> p.n >> p.m >> p.source >> p.sink >> k)) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  p.priority.resize(k);
  for (int i = 0; i < k; i++) in >> p.priority[i];
  p.from.resize(p.m), p.to.resize(p.m), p.cap.resize(p.m), p.cost.resize(p.m);
  for (int e = 0; e < p.m; e++) in >> p.from[e] >> p.to[e] >> p.cap[e] >> p.cost[e];
  return p;
}

static double cpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static long statusKb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) return std::strtol(line.c_str() + std::string(key).size(), nullptr, 10);
  }
  return -1;
}

/** The cheapest flow of `total` units from s to t within [lower, cap]; exits when none exists. */
template <typename Solver>
static long long minCost(const G& g, const G::ArcMap<long long>& lower, const G::ArcMap<long long>& cap, const G::ArcMap<long long>& cost, G::Node s, G::Node t, long long total) {
  Solver solver(g);
  solver.lowerMap(lower).upperMap(cap).costMap(cost).stSupply(s, t, total);
  if (solver.run() != Solver::OPTIMAL) {
    std::cerr << "min-cost flow not optimal\n";
    std::exit(3);
  }
  return solver.template totalCost<long long>();
}

int main(int argc, char** argv) {
  std::vector<Part> parts;
  bool useCostScaling = false;
  for (int i = 1; i < argc; i++) {
    if (std::string(argv[i]) == "--cost-scaling") useCostScaling = true;
    else parts.push_back(readPart(argv[i]));
  }
  double maxFlowSeconds = 0, minCostSeconds = 0;
  long rssBefore = statusKb("VmRSS:");
  long long flowTotal = 0, costTotal = 0;
  double t0 = cpuSeconds();
  for (const Part& p : parts) {
    G g;
    g.reserveNode(p.n);
    g.reserveArc(p.m);
    std::vector<G::Node> nodes(p.n);
    for (int v = 0; v < p.n; v++) nodes[v] = g.addNode();
    std::vector<G::Arc> arcs(p.m);
    for (int e = 0; e < p.m; e++) arcs[e] = g.addArc(nodes[p.from[e]], nodes[p.to[e]]);
    G::ArcMap<long long> cap(g), lower(g, 0), cost(g);
    std::vector<char> isSource(p.m, 0), isPriority(p.m, 0);
    for (int e = 0; e < p.m; e++) {
      cap[arcs[e]] = p.cap[e];
      cost[arcs[e]] = p.cost[e];
      isSource[e] = p.from[e] == p.source;
    }
    for (int e : p.priority) isPriority[e] = 1;
    // Prefix maxima: priority[0..k] open, every other source edge closed; then all open.
    const int k = (int)p.priority.size();
    double tp = cpuSeconds();
    std::vector<long long> maxima;
    for (int s = 0; s <= k; s++) {
      G::ArcMap<long long> c(g);
      for (int e = 0; e < p.m; e++) c[arcs[e]] = p.cap[e];
      if (s < k) {
        for (int e = 0; e < p.m; e++) if (isSource[e]) c[arcs[e]] = 0;
        for (int j = 0; j <= s; j++) c[arcs[p.priority[j]]] = p.cap[p.priority[j]];
      }
      Preflow<G, G::ArcMap<long long> > pf(g, c, nodes[p.source], nodes[p.sink]);
      pf.runMinCut();
      maxima.push_back(pf.flowValue());
    }
    const long long total = maxima[k];
    for (int j = 0; j < k; j++) {
      long long f = maxima[j] - (j ? maxima[j - 1] : 0);
      lower[arcs[p.priority[j]]] = f;
      cap[arcs[p.priority[j]]] = f;
    }
    double tm = cpuSeconds();
    maxFlowSeconds += tm - tp;
    // NetworkSimplex by default (LEMON's fastest here); --cost-scaling for the algorithm family ours uses.
    const long long partCost = useCostScaling ? minCost<CostScaling<G, long long, long long> >(g, lower, cap, cost, nodes[p.source], nodes[p.sink], total)
                                              : minCost<NetworkSimplex<G, long long, long long> >(g, lower, cap, cost, nodes[p.source], nodes[p.sink], total);
    minCostSeconds += cpuSeconds() - tm;
    flowTotal += total;
    costTotal += partCost;
  }
  double cpu = cpuSeconds() - t0;
  std::printf("{\"flow\":%lld,\"cost\":%lld,\"cpuMs\":%.1f,\"maxFlowMs\":%.1f,\"minCostMs\":%.1f,\"peakAddedMb\":%.1f,\"peakMb\":%.1f}\n", flowTotal, costTotal, cpu * 1000, maxFlowSeconds * 1000, minCostSeconds * 1000,
              (statusKb("VmHWM:") - rssBefore) / 1024.0, statusKb("VmHWM:") / 1024.0);
  return 0;
}
