package dev.nohold.core.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Every account, for the supervisors' and admins' view of who is there and who holds what. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AgentDirectory {

    public List<Agent> all() {
        return Agent.list("order by lower(username)");
    }
}
