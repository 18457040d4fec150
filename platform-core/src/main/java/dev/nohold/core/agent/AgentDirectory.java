package dev.nohold.core.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.nohold.core.request.Request;
import dev.nohold.core.request.RequestStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Every account, for the supervisors' and admins' view of who is there and who holds what. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AgentDirectory {

    public List<Agent> all() {
        return Agent.list("order by lower(username)");
    }

    /** Who holds what: each agent's assigned, unanswered requests, longest held first. */
    public Map<UUID, List<Request>> holdings() {
        List<Request> held = Request.list("from Request r join fetch r.assignedTo where r.status = ?1"
                + " order by r.assignedAt, r.id", RequestStatus.ASSIGNED);
        return held.stream().collect(Collectors.groupingBy(request -> request.assignedTo.id, LinkedHashMap::new,
                Collectors.toList()));
    }
}
