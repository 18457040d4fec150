package dev.nohold.core.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nohold.core.config.NoholdConfig;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The default speech engine: Vosk, with one shared {@link Model} per language and a {@link Recognizer} per recording.
 * The default model (the bundled English one, or {@code nohold.speech.model-path}) hears every language that has no
 * model of its own ({@code nohold.speech.models.<tag>}); two tags on one folder share one model.
 *
 * <p>The model (hundreds of MB) loads once, on a background thread, so start-up and text channels never wait for
 * it. A Recognizer is not thread-safe, so each job makes and closes its own; the model is freed only once every
 * Recognizer is closed (freeing it earlier crashes the JVM, alphacep/vosk-api #606 and #1556), which the read-write
 * lock guarantees: recognitions hold the read side, freeing takes the write side.
 */
@ApplicationScoped
@DefaultBean
public class VoskRecognizer implements SpeechRecognizer, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(VoskRecognizer.class);
    /** A quarter of a second of 16 kHz 16-bit audio: small enough for Vosk to find pauses between phrases. */
    private static final int CHUNK_BYTES = 8_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Path> modelFolder;
    private final String defaultLanguage;
    private final Map<String, Supplier<Path>> languageFolders;
    private final Event<RecognizerReady> ready;
    private final ReadWriteLock inUse = new ReentrantReadWriteLock();
    private volatile State state = State.LOADING;
    private volatile boolean closed;
    private volatile String failure;
    private volatile String description = "Vosk (model loading)";
    private volatile Thread loader;
    private Model model;
    /** The models of other languages, by lower-case tag; empty until loaded. */
    private volatile Map<String, Model> languageModels = Map.of();

    @Inject
    public VoskRecognizer(SpeechConfig config, NoholdConfig platform, Event<RecognizerReady> ready) {
        this(() -> ModelLocation.resolve(config.modelPath(), Path.of(platform.dataDir())),
                config.modelLanguage(), folders(config.models()), ready);
    }

    private VoskRecognizer(Supplier<Path> modelFolder, String defaultLanguage,
                           Map<String, Supplier<Path>> languageFolders, Event<RecognizerReady> ready) {
        this.modelFolder = modelFolder;
        this.defaultLanguage = tag(defaultLanguage);
        this.languageFolders = languageFolders;
        this.ready = ready;
    }

    private static Map<String, Supplier<Path>> folders(Map<String, String> configured) {
        Map<String, Supplier<Path>> folders = new HashMap<>();
        configured.forEach((language, folder) ->
                folders.put(tag(language), () -> ModelLocation.resolve(Optional.of(folder), Path.of("."))));
        return folders;
    }

    /** An engine outside CDI (the benchmark), loaded before this returns. */
    public static VoskRecognizer loadedFrom(Path modelFolder) {
        VoskRecognizer recognizer = new VoskRecognizer(() -> modelFolder, "en", Map.of(), null);
        recognizer.load();
        return recognizer;
    }

    void startLoading(@Observes StartupEvent start) {
        loader = Thread.ofPlatform().name("vosk-model-loader").daemon().start(this::load);
    }

    void load() {
        long started = System.nanoTime();
        Path folder = null;
        try {
            folder = modelFolder.get();
            LibVosk.setLogLevel(LogLevel.WARNINGS);
            Model loaded = new Model(folder.toString());
            inUse.writeLock().lock();
            try {
                if (closed) {
                    // The platform stopped while the model loaded: nobody will use or free it but us.
                    loaded.close();
                    return;
                }
                model = loaded;
                description = "Vosk with the model in " + folder;
            } finally {
                inUse.writeLock().unlock();
            }
            LOG.infof("Speech model loaded from %s in %d ms", folder, (System.nanoTime() - started) / 1_000_000);
            loadLanguageModels(folder, loaded);
            state = State.READY;
        } catch (IOException | RuntimeException | LinkageError e) {
            failure = "the speech model " + (folder == null ? "" : "in " + folder + " ") + "could not be loaded: "
                    + e.getMessage();
            state = State.FAILED;
            LOG.errorf(e, "Speech recognition is unavailable: %s; voice requests are queued without text", failure);
        }
        if (ready != null) {
            ready.fire(new RecognizerReady(description));
        }
    }

    /**
     * The other languages' models, after the default one; a folder already loaded is shared. A model that cannot be
     * loaded leaves its language to the default model (each of its recordings then says so), not the engine failed.
     */
    private void loadLanguageModels(Path defaultFolder, Model defaultModel) {
        Map<Path, Model> byFolder = new HashMap<>(Map.of(defaultFolder, defaultModel));
        Map<String, Model> loaded = new HashMap<>();
        StringBuilder described = new StringBuilder(description);
        languageFolders.forEach((language, folderOf) -> {
            try {
                Path folder = folderOf.get();
                Model shared = byFolder.get(folder);
                if (shared == null && !closed) {
                    shared = new Model(folder.toString());
                    byFolder.put(folder, shared);
                }
                if (shared != null) {
                    loaded.put(language, shared);
                    described.append("; ").append(language).append(": ").append(folder);
                    LOG.infof("Speech model for '%s' loaded from %s", language, folder);
                }
            } catch (IOException | RuntimeException e) {
                LOG.errorf("The speech model for '%s' could not be loaded (%s); the default model hears it",
                        language, e.getMessage());
            }
        });
        inUse.writeLock().lock();
        try {
            languageModels = Map.copyOf(loaded);
            description = described.toString();
        } finally {
            inUse.writeLock().unlock();
        }
    }

    @Override
    public Optional<String> modelLanguage(String language) {
        return Optional.ofNullable(languageOf(language));
    }

    /** The tag of the model that hears {@code language}: its own, its base language's, or null for the default. */
    private String languageOf(String language) {
        if (language == null) {
            return null;
        }
        String tag = tag(language);
        String base = tag.split("-")[0];
        for (String candidate : List.of(tag, base)) {
            if (languageModels.containsKey(candidate)) {
                return candidate;
            }
        }
        return base.equals(defaultLanguage.split("-")[0]) ? defaultLanguage : null;
    }

    private static String tag(String language) {
        return language.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public String failure() {
        return failure;
    }

    @Override
    public Transcript recognize(NormalizedAudio audio) throws UnusableAudio {
        return recognize(audio, null);
    }

    @Override
    public Transcript recognize(NormalizedAudio audio, String language) throws UnusableAudio {
        // Shutting down is no verdict on the recording: the job stops and the next start transcribes it.
        if (closed || !inUse.readLock().tryLock()) {
            throw new CancellationException("the speech engine is shutting down");
        }
        try {
            if (closed) {
                throw new CancellationException("the speech engine is shutting down");
            }
            if (state != State.READY || model == null) {
                throw new UnusableAudio(state == State.FAILED ? "Speech recognition is unavailable: " + failure
                        : "Speech recognition is not ready");
            }
            String heardIn = languageOf(language);
            Model chosen = heardIn == null ? model : languageModels.getOrDefault(heardIn, model);
            return recognize(chosen, audio.pcm());
        } finally {
            inUse.readLock().unlock();
        }
    }

    /** Feeds 16 kHz mono PCM to a fresh Recognizer and gathers every phrase it finds. */
    private static Transcript recognize(Model model, byte[] pcm) throws UnusableAudio {
        List<JsonNode> phrases = new ArrayList<>();
        try (Recognizer recognizer = new Recognizer(model, NormalizedAudio.SAMPLE_RATE)) {
            recognizer.setWords(true);
            for (int at = 0; at < pcm.length; at += CHUNK_BYTES) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("stopped while transcribing");
                }
                byte[] chunk = Arrays.copyOfRange(pcm, at, Math.min(pcm.length, at + CHUNK_BYTES));
                if (recognizer.acceptWaveForm(chunk, chunk.length)) {
                    phrases.add(JSON.readTree(recognizer.getResult()));
                }
            }
            phrases.add(JSON.readTree(recognizer.getFinalResult()));
        } catch (IOException e) {
            throw new UnusableAudio("The speech engine failed on this recording: " + e.getMessage(), e);
        }
        return transcript(phrases);
    }

    private static Transcript transcript(List<JsonNode> phrases) {
        StringBuilder text = new StringBuilder();
        List<TranscriptWord> words = new ArrayList<>();
        for (JsonNode phrase : phrases) {
            String said = phrase.path("text").asText("").strip();
            if (!said.isEmpty()) {
                text.append(text.isEmpty() ? "" : " ").append(said);
            }
            for (JsonNode word : phrase.path("result")) {
                words.add(new TranscriptWord(word.path("word").asText(), word.path("start").asDouble(),
                        word.path("end").asDouble(), word.path("conf").asDouble()));
            }
        }
        Double confidence = words.isEmpty() ? null
                : words.stream().mapToDouble(TranscriptWord::confidence).average().orElse(0);
        return new Transcript(text.toString(), confidence, words);
    }

    /**
     * A model still loading when the platform stops must finish first: the process exiting while native code builds
     * the model aborts the JVM ("double free or corruption") as the library's globals are torn down under it.
     */
    private void awaitLoader() {
        Thread loading = loader;
        if (loading == null) {
            return;
        }
        try {
            if (!loading.join(java.time.Duration.ofMinutes(2))) {
                LOG.warn("The speech model is still loading after two minutes; stopping without waiting for it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Frees the model once the last recognition using it has closed its Recognizer. */
    @Override
    @PreDestroy
    public void close() {
        closed = true;
        awaitLoader();
        try {
            if (!inUse.writeLock().tryLock(30, TimeUnit.SECONDS)) {
                // Freeing a model a Recognizer still uses crashes the JVM; leaving it to the exiting process does not.
                LOG.warn("A transcription is still running; the speech model is left for the process exit to free");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            Map<Model, Boolean> distinct = new IdentityHashMap<>();
            languageModels.values().forEach(each -> distinct.put(each, true));
            if (model != null) {
                distinct.put(model, true);
            }
            distinct.keySet().forEach(Model::close);
            languageModels = Map.of();
            model = null;
        } finally {
            inUse.writeLock().unlock();
        }
    }
}
