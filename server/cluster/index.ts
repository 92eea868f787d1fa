/** The scaled-out deployment on one machine: its plan, the proxy in front, and the command that starts it. */
export { clusterPlan, PASSED_THROUGH, type ClusterOptions, type ClusterProcess } from './clusterPlan';
export { proxyRouteOf, type ProxyRoute } from './proxyRoutes';
export { NodeTable, type NodeTableOptions } from './NodeTable';
export { startProxy, type ProxyOptions, type RunningProxy } from './startProxy';
export { startCluster, type RunningCluster, type StartClusterOptions } from './startCluster';
