package com.summit.followup.domain;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which open deal has its follow-up cadence running, in which engine epoch and instance. */
@Repository
public class CadenceRepository {

    private final JdbcClient jdbc;

    CadenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A deal whose cadence is to start, with what its instance needs. */
    public record Due(long opportunityId, String owner, String opportunityName, String customerName) {}

    /**
     * Takes, for this epoch, up to {@code limit} open deals whose cadence does not run here: never started, started in
     * an earlier epoch, or whose start did not reach the engine for {@code staleSeconds}. The take is one statement,
     * so two replicas taking at once share the deals out and start each once.
     */
    public List<Due> take(String epoch, long staleSeconds, int limit) {
        return jdbc.sql("""
                with candidates as (
                    select o.id from opportunity o
                    left join follow_up_cadence c on c.opportunity_id = o.id
                    where o.status in ('OPEN', 'PAUSED')
                      and (c.opportunity_id is null or c.engine_epoch is distinct from :epoch
                           or (c.process_instance_key is null and c.started_at < now() - make_interval(secs => :stale)))
                    order by o.id limit :limit
                    for update of o skip locked
                ), taken as (
                    insert into follow_up_cadence (opportunity_id, engine_epoch, process_instance_key, started_at)
                    select id, :epoch, null, now() from candidates
                    on conflict (opportunity_id) do update set engine_epoch = excluded.engine_epoch, process_instance_key = null,
                        started_at = now()
                    where follow_up_cadence.engine_epoch is distinct from excluded.engine_epoch
                       or (follow_up_cadence.process_instance_key is null and follow_up_cadence.started_at < now() - make_interval(secs => :stale))
                    returning opportunity_id
                )
                select o.id, o.owner_username, o.name, cu.name as customer_name
                from taken t join opportunity o on o.id = t.opportunity_id join customer cu on cu.id = o.customer_id
                order by o.id""")
                .param("epoch", epoch).param("stale", staleSeconds).param("limit", limit)
                .query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /**
     * The instance's first step holds the deal's cadence: true when this instance holds it (now or before), false when
     * another one does, or the deal's row belongs to another epoch.
     */
    public boolean hold(long opportunityId, long processInstanceKey, String epoch) {
        jdbc.sql("""
                update follow_up_cadence set process_instance_key = :key
                where opportunity_id = :o and engine_epoch = :epoch and process_instance_key is null""")
                .param("key", processInstanceKey).param("o", opportunityId).param("epoch", epoch).update();
        return jdbc.sql("select count(*) from follow_up_cadence where opportunity_id = :o and engine_epoch = :epoch and process_instance_key = :key")
                .param("o", opportunityId).param("epoch", epoch).param("key", processInstanceKey).query(Long.class).single() > 0;
    }

    /** A start the engine refused or did not answer: the sweep takes the deal again at once. */
    public void release(long opportunityId, String epoch) {
        jdbc.sql("delete from follow_up_cadence where opportunity_id = :o and engine_epoch = :epoch and process_instance_key is null")
                .param("o", opportunityId).param("epoch", epoch).update();
    }
}
