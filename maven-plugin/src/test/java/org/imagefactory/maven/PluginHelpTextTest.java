package org.imagefactory.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The goal's help text as {@code mvn help:describe -Ddetail} shows it: that plugin reads each description of the
 * built plugin descriptor as HTML, so a description holding {@code <variant>} loses the word.
 */
class PluginHelpTextTest {

    @Test
    void everyParameterDescriptionOfGenerateReadsTheSameAsTextAndAsHtml() throws Exception {
        List<String> descriptions = generateParameterDescriptions();

        assertThat(descriptions).isNotEmpty()
                .allSatisfy(description -> assertThat(description).doesNotContain("<", ">"));
        assertThat(descriptions).anySatisfy(description -> assertThat(description)
                .contains("each a variant element with any of the elements scalex, scaley, encoding and quality"));
    }

    private static List<String> generateParameterDescriptions() throws Exception {
        try (InputStream descriptor = PluginHelpTextTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(descriptor).as("the plugin descriptor target/classes/META-INF/maven/plugin.xml").isNotNull();
            Element plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor)
                    .getDocumentElement();
            NodeList mojos = plugin.getElementsByTagName("mojo");
            List<String> descriptions = new ArrayList<>();
            for (int i = 0; i < mojos.getLength(); i++) {
                Element mojo = (Element) mojos.item(i);
                if (childText(mojo, "goal").equals("generate")) {
                    NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0))
                            .getElementsByTagName("parameter");
                    for (int p = 0; p < parameters.getLength(); p++) {
                        descriptions.add(childText((Element) parameters.item(p), "description"));
                    }
                }
            }
            return descriptions;
        }
    }

    private static String childText(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent();
            }
        }
        return "";
    }
}
