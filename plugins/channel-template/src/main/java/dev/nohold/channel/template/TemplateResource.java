package dev.nohold.channel.template;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.core.Refusal;
import dev.nohold.core.channel.IntakeReceipt;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.util.Map;

/**
 * The provider's webhook: HTTP in, one call to {@link TemplateIntake}, the request's reference out. The body is taken
 * as bytes because the signature covers exactly those bytes.
 */
@Path("/channels/template/messages")
public class TemplateResource {

    static final String SIGNATURE = "X-Provider-Signature";

    private final TemplateIntake intake;
    private final ObjectMapper json;

    public TemplateResource(TemplateIntake intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> receive(byte[] body, @HeaderParam(SIGNATURE) String signature) {
        byte[] bytes = body == null ? new byte[0] : body;
        IntakeReceipt receipt = intake.take(bytes, parse(bytes), signature);
        return Map.of("reference", receipt.reference());
    }

    private ProviderMessage parse(byte[] body) {
        try {
            return json.readValue(body, ProviderMessage.class);
        } catch (JacksonException e) {
            throw Refusal.badInput("The body is not the JSON the provider sends: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Refusal.badInput("The body could not be read: " + e.getMessage());
        }
    }
}
