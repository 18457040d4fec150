package dev.nohold.core.api;

import dev.nohold.core.request.CustomerHistory;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Customers as agents and supervisors look them up: one person, their addresses and their requests. */
@Path("/api/customers")
@Authenticated
@Tag(name = "customers")
public class CustomerResource {

    private final SecurityIdentity identity;
    private final CustomerHistory customers;

    public CustomerResource(SecurityIdentity identity, CustomerHistory customers) {
        this.identity = identity;
        this.customers = customers;
    }

    @GET
    @Path("/{id}")
    public CustomerView one(@PathParam("id") UUID id) {
        return CustomerView.of(customers.customer(identity.getPrincipal().getName(), id));
    }
}
