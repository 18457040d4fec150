#!/bin/sh
# Makes the accuracy fixtures under sentences/: six short synthetic sentences (espeak-ng), each in the three forms
# telephones send (8 kHz 16-bit PCM, 8 kHz μ-law, 8 kHz A-law) and the first three also as a sound card records
# (44.1 kHz 16-bit stereo: 430 KB a sentence, so only three), and each of those converted to 16 kHz mono by sox: what
# a program feeding Vosk directly would use, the side the platform's own path is measured against (about 3 MB). Needs espeak-ng and sox (Debian: apt-get install -y espeak-ng sox). Run from this folder.
# CI needs neither: the files are committed. espeak-ng's voice is bright and synthetic, the hardest case for a
# resampler that lets images through, and the kind of voice an IVR prompt or a test produces.
set -eu
cd "$(dirname "$0")"
mkdir -p sentences
cd sentences
rm -f ./*.wav ./*.txt

i=0
while IFS= read -r sentence; do
    i=$((i + 1))
    name=$(printf 's%d' "$i")
    printf '%s\n' "$sentence" > "$name.txt"
    espeak-ng -v en-us -s 160 -w spoken.wav "$sentence"
    # Leading and trailing silence trimmed: it costs bytes and recognition time, and tells nothing.
    sox spoken.wav source.wav silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse pad 0.15 0.15
    rm spoken.wav
    sox source.wav -r 8000  -c 1 -e signed-integer -b 16 "$name-pcm-8000.wav"
    sox source.wav -r 8000  -c 1 -e u-law -b 8            "$name-ulaw-8000.wav"
    sox source.wav -r 8000  -c 1 -e a-law -b 8            "$name-alaw-8000.wav"
    forms="pcm-8000 ulaw-8000 alaw-8000"
    if [ "$i" -le 3 ]; then
        sox source.wav -r 44100 -c 2 -e signed-integer -b 16 "$name-pcm-44100-stereo.wav"
        forms="$forms pcm-44100-stereo"
    fi
    for form in $forms; do
        # sox's default rate converter ("rate -h", high quality), mixed to mono.
        sox "$name-$form.wav" -r 16000 -c 1 -e signed-integer -b 16 "$name-$form.sox16k.wav"
    done
    rm source.wav
done <<'SENTENCES'
please call me back about my order
my card was charged twice this month
i need to change my delivery address
the package arrived broken yesterday
can someone help me reset my password
i would like to cancel my subscription
SENTENCES
