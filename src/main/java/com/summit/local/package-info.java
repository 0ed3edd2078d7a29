/**
 * Local mode: everything embedded. The in-memory Zeebe engine, an embedded PostgreSQL 17 and a
 * local Elasticsearch child process start here, in that dependency order, before the data source
 * and the Camunda client are created. Nothing in this package runs in the {@code prod} profile.
 */
package com.summit.local;
